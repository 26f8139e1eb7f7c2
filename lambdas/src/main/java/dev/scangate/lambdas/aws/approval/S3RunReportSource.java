package dev.scangate.lambdas.aws.approval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scangate.lambdas.core.RetryableStepException;
import dev.scangate.lambdas.core.StepInputException;
import dev.scangate.lambdas.core.approval.ApprovalObject;
import dev.scangate.lambdas.core.approval.Detection;
import dev.scangate.lambdas.core.approval.OccurrenceLocations;
import dev.scangate.lambdas.core.approval.RunReportSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Reads the held objects from the run report in the scan-stage bucket. */
public final class S3RunReportSource implements RunReportSource {

    /** Enough for a person to find the data; the report keeps up to 15. */
    static final int LOCATIONS_PER_DETECTION = 3;

    private final S3Client s3;
    private final String bucket;

    private S3RunReportSource(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    public static S3RunReportSource create(S3Client s3, String scanStageBucket) {
        return new S3RunReportSource(s3, scanStageBucket);
    }

    @Override
    public List<ApprovalObject> objectsForReview(String reportKey) {
        JsonNode report;
        try (var in = s3.getObject(b -> b.bucket(bucket).key(reportKey))) {
            report = ApprovalJson.MAPPER.readTree(in);
        } catch (NoSuchKeyException e) {
            throw new StepInputException("reportKey", "no run report at s3://" + bucket + "/" + reportKey);
        } catch (SdkException e) {
            throw new RetryableStepException("could not read s3://" + bucket + "/" + reportKey + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new StepInputException("reportKey", "s3://" + bucket + "/" + reportKey + " is not valid JSON: "
                    + e.getMessage());
        }
        if (report == null || !report.path("objects").isArray()) {
            throw new StepInputException("reportKey", "s3://" + bucket + "/" + reportKey + " has no objects array");
        }
        List<ApprovalObject> held = new ArrayList<>();
        for (JsonNode o : report.get("objects")) {
            String verdict = o.path("verdict").asText("");
            if (!verdict.equals("FLAGGED") && !verdict.equals("UNSCANNED")) {
                continue;
            }
            if (!o.path("key").isTextual()) {
                throw new StepInputException("reportKey", "an object in s3://" + bucket + "/" + reportKey + " has no key");
            }
            held.add(new ApprovalObject(
                    o.get("key").asText(),
                    o.path("sizeBytes").asLong(0),
                    verdict,
                    o.hasNonNull("severity") ? o.get("severity").asText() : null,
                    texts(o.path("findingTypes")),
                    detections(o.path("detections"))));
        }
        return held;
    }

    private static List<Detection> detections(JsonNode array) {
        List<Detection> out = new ArrayList<>();
        for (JsonNode d : array) {
            out.add(new Detection(
                    d.path("type").asText("UNKNOWN"),
                    d.path("count").asLong(0),
                    OccurrenceLocations.describe(d.path("locations"), LOCATIONS_PER_DETECTION)));
        }
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
