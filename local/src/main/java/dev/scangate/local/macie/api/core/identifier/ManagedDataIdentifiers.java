package dev.scangate.local.macie.api.core.identifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Macie's catalogue of managed data identifiers (ids and API categories). */
public final class ManagedDataIdentifiers {

    private static final String RESOURCE = "/dev/scangate/local/macie/api/managed-data-identifiers.txt";

    /** One catalogue entry as ListManagedDataIdentifiers returns it. */
    public record Entry(String category, String id) { }

    private final List<Entry> entries;

    private ManagedDataIdentifiers(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static ManagedDataIdentifiers create() {
        var in = Objects.requireNonNull(ManagedDataIdentifiers.class.getResourceAsStream(RESOURCE), RESOURCE);
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            var list = new ArrayList<Entry>();
            reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(l -> {
                var parts = l.split(" ", 2);
                list.add(new Entry(parts[0], parts[1]));
            });
            return new ManagedDataIdentifiers(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    public boolean contains(String id) {
        return entries.stream().anyMatch(e -> e.id().equals(id));
    }
}
