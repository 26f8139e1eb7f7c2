package dev.scangate.lambdas.core.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.scangate.lambdas.core.report.RunReport;
import dev.scangate.lambdas.core.run.RunId;
import dev.scangate.lambdas.core.staging.Manifest;
import dev.scangate.lambdas.core.storage.ObjectStore;
import dev.scangate.lambdas.core.storage.ObjectStoreException;
import java.io.IOException;
import java.util.Optional;

/** Reads and writes a run's manifest and report in the scan-stage bucket. */
public final class RunDocuments {

    private final ObjectStore store;
    private final String scanStageBucket;

    public RunDocuments(ObjectStore store, String scanStageBucket) {
        this.store = store;
        this.scanStageBucket = scanStageBucket;
    }

    public Optional<Manifest> manifest(RunId runId) {
        return read(runId.manifestKey(), Manifest.class);
    }

    public void writeManifest(RunId runId, Manifest manifest) {
        write(runId.manifestKey(), manifest);
    }

    public Optional<RunReport> report(String reportKey) {
        return read(reportKey, RunReport.class);
    }

    public void writeReport(RunId runId, RunReport report) {
        write(runId.reportKey(), report);
    }

    public String bucket() {
        return scanStageBucket;
    }

    private <T> Optional<T> read(String key, Class<T> type) {
        return store.read(scanStageBucket, key).map(bytes -> {
            try {
                return Json.mapper().readValue(bytes, type);
            } catch (IOException e) {
                throw new ObjectStoreException("s3://" + scanStageBucket + "/" + key + " is not a valid "
                        + type.getSimpleName() + " document: " + e.getMessage(), e);
            }
        });
    }

    private void write(String key, Object document) {
        try {
            store.write(scanStageBucket, key, Json.mapper().writeValueAsBytes(document), "application/json");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + document.getClass().getSimpleName(), e);
        }
    }
}
