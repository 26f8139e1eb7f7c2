package dev.scangate.local.macie.scanner;

import java.io.InputStream;

/**
 * Analyses one object the way Amazon Macie's sensitive data discovery does and answers with the
 * {@code classificationDetails.result} of a finding plus the finding's type and severity.
 * Implementations never throw for bad content: corrupt or unsupported data is a SKIPPED or PARTIAL
 * result with Macie's reason code.
 */
public interface SensitiveDataScanner {

    /**
     * @param objectKey the S3 key or file name (its extension selects the parser, as in Macie)
     * @param sizeBytes the object's size, for Macie's per-type size limits
     * @param content the object's bytes; read once, streaming
     * @param settings which identifiers and allow lists apply
     */
    ScanResult scan(String objectKey, long sizeBytes, InputStream content, ScanSettings settings);
}
