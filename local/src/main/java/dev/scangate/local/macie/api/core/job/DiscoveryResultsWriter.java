package dev.scangate.local.macie.api.core.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scangate.local.macie.api.core.MacieAccount;
import dev.scangate.local.macie.api.core.ObjectStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

/**
 * Writes one job run's discovery results as gzip JSON Lines files of at most {@code recordsPerFile}
 * records, so memory stays bounded whatever the object count. Without a results location the
 * records are dropped and findings cite Macie's "[export-config-not-set]" placeholder.
 */
final class DiscoveryResultsWriter {

    private final ObjectMapper mapper;
    private final ObjectStore store;
    private final MacieAccount account;
    private final ResultsLocation location;
    private final String jobId;
    private final int recordsPerFile;
    private final Consumer<String> onFileWritten;

    private String fileId;
    private ByteArrayOutputStream buffer;
    private GZIPOutputStream gzip;
    private int records;

    DiscoveryResultsWriter(ObjectMapper mapper, ObjectStore store, MacieAccount account, ResultsLocation location,
            String jobId, int recordsPerFile, Consumer<String> onFileWritten) {
        this.mapper = mapper;
        this.store = store;
        this.account = account;
        this.location = location;
        this.jobId = jobId;
        this.recordsPerFile = recordsPerFile;
        this.onFileWritten = onFileWritten;
    }

    /** Where the next record will be written (findings cite it). */
    String currentLocation() {
        ensureFile();
        return location == null ? ResultsLocation.unconfigured(account, jobId, fileId)
                : "s3://" + location.bucket() + "/" + location.key(account, jobId, fileId);
    }

    void add(ObjectNode record) {
        ensureFile();
        if (location != null) {
            try {
                gzip.write(mapper.writeValueAsBytes(record));
                gzip.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (++records >= recordsPerFile) {
            flush();
        }
    }

    void flush() {
        if (fileId == null) {
            return;
        }
        if (location != null && records > 0) {
            try {
                gzip.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            var key = location.key(account, jobId, fileId);
            store.write(location.bucket(), key, buffer.toByteArray(), "application/gzip", null);
            onFileWritten.accept(key);
        }
        fileId = null;
        buffer = null;
        gzip = null;
        records = 0;
    }

    private void ensureFile() {
        if (fileId != null) {
            return;
        }
        fileId = UUID.randomUUID().toString();
        records = 0;
        if (location != null) {
            buffer = new ByteArrayOutputStream();
            try {
                gzip = new GZIPOutputStream(buffer);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
