package dev.scangate.lambdas.core.run;

import dev.scangate.lambdas.core.StepInputException;
import java.util.regex.Pattern;

/**
 * The id every document and prefix of a run is named after. It ends up in S3 keys and the Macie
 * client token, so only a conservative character set is accepted.
 */
public record RunId(String value) {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,80}");

    public RunId {
        if (value == null || !VALID.matcher(value).matches() || value.equals(".") || value.equals("..")) {
            throw new StepInputException("runId", "must match [A-Za-z0-9._-]{1,80} (not . or ..), got " + quote(value));
        }
    }

    /** Validates a run id that arrived in a step payload's {@code runId} field. */
    public static RunId of(String value) {
        return new RunId(value);
    }

    /**
     * The execution input's {@code id} when it has one, else the execution name (DESIGN.md
     * principle 5), so a console re-run with the same input resumes the same run.
     *
     * @param inputId the input's {@code id}: a String, {@code null} when absent, or any other JSON
     *     value (which is rejected rather than silently replaced by the execution name)
     */
    public static RunId resolve(Object inputId, String executionName) {
        if (inputId != null) {
            if (!(inputId instanceof String id) || !VALID.matcher(id).matches() || id.equals(".") || id.equals("..")) {
                throw new StepInputException("id", "the execution input's id must be a string matching"
                        + " [A-Za-z0-9._-]{1,80}, got " + quote(inputId));
            }
            return new RunId(id);
        }
        if (executionName == null || !VALID.matcher(executionName).matches()) {
            throw new StepInputException("executionName", "the execution input has no id and the execution name "
                    + quote(executionName) + " is not a valid run id ([A-Za-z0-9._-]{1,80})");
        }
        return new RunId(executionName);
    }

    /** Prefix of this run's staged copies, in scan-stage and manual-review. */
    public String objectPrefix() {
        return "runs/" + value + "/";
    }

    public String stagedKey(String originalKey) {
        return objectPrefix() + originalKey;
    }

    public String manifestKey() {
        return "manifests/" + value + ".json";
    }

    public String reportKey() {
        return "reports/" + value + ".json";
    }

    private static String quote(Object value) {
        if (value == null) {
            return "nothing";
        }
        var text = String.valueOf(value);
        return "'" + (text.length() > 100 ? text.substring(0, 100) + "…" : text) + "'";
    }

    @Override
    public String toString() {
        return value;
    }
}
