package dev.scangate.it.support;

import dev.scangate.local.samples.SampleFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The demo's sample files (clean and sensitive csv, json, txt, pdf, docx) as S3 keys and bytes. */
public final class Samples {

    private Samples() {
    }

    /** Sample bytes by key {@code <prefix>/<sample path>}, clean or sensitive ones only. */
    public static Map<String, byte[]> under(Path scratch, String prefix, boolean sensitive) {
        SampleFiles.write(scratch);
        var files = new LinkedHashMap<String, byte[]>();
        for (var sample : SampleFiles.catalog()) {
            if (sample.sensitive() == sensitive) {
                try {
                    files.put(prefix + "/" + sample.path(), Files.readAllBytes(scratch.resolve(sample.path())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return files;
    }
}
