package dev.scangate.lambdas.core.move;

import java.util.Map;

/**
 * Move one object. {@code sourceVersionId} null means "the current version". {@code rawVersionId}
 * is the version the producer wrote to raw: every copy carries it in metadata, so a re-run can
 * tell its own earlier copy from anything else at the target key.
 */
public record MoveRequest(String sourceBucket, String sourceKey, String sourceVersionId,
                          String targetBucket, String targetKey, String rawVersionId, String rawETag,
                          Map<String, String> tagsToSet) {

    public MoveRequest {
        tagsToSet = Map.copyOf(tagsToSet);
    }
}
