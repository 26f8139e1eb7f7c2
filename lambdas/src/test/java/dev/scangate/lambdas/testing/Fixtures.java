package dev.scangate.lambdas.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Reads JSON fixtures from the test classpath and fills {@code ${name}} placeholders. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String read(String resource, Map<String, String> values) {
        try (var in = Fixtures.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            var text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (var entry : values.entrySet()) {
                text = text.replace("${" + entry.getKey() + "}", entry.getValue());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(String resource) {
        return read(resource, Map.of());
    }
}
