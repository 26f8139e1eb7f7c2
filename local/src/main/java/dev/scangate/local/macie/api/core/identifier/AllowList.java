package dev.scangate.local.macie.api.core.identifier;

import java.time.Instant;
import java.util.Map;

/** An allow list: either {@code regex} or an S3 word list ({@code bucketName} + {@code objectKey}). */
public record AllowList(
        String id,
        String arn,
        String clientToken,
        String name,
        String description,
        String regex,
        String bucketName,
        String objectKey,
        Map<String, String> tags,
        Instant createdAt,
        Instant updatedAt) {

    public AllowList {
        tags = Map.copyOf(tags == null ? Map.of() : tags);
    }

    public boolean isWordList() {
        return regex == null;
    }
}
