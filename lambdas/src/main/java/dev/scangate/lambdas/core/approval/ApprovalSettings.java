package dev.scangate.lambdas.core.approval;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The approval configuration both the RequestApproval step and the approval API read from their
 * environment (names fixed in statemachine/README.md).
 */
public record ApprovalSettings(String table, String topicArn, String baseUrl, List<String> approvers) {

    public ApprovalSettings {
        approvers = approvers == null ? List.of() : List.copyOf(approvers);
    }

    public static ApprovalSettings fromEnvironment(Map<String, String> env) {
        return new ApprovalSettings(
                required(env, "APPROVAL_TABLE"),
                blankToNull(env.get("APPROVAL_TOPIC_ARN")),
                blankToNull(env.get("APPROVAL_BASE_URL")),
                emails(env.get("APPROVERS")));
    }

    /** Comma or whitespace separated, lower-cased, duplicates dropped. */
    public static List<String> emails(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return Arrays.stream(list.split("[,\\s]+"))
                .filter(s -> !s.isBlank())
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
    }

    public String requireTopicArn() {
        if (topicArn == null) {
            throw new IllegalArgumentException("APPROVAL_TOPIC_ARN is not set");
        }
        return topicArn;
    }

    public String requireBaseUrl() {
        if (baseUrl == null) {
            throw new IllegalArgumentException("APPROVAL_BASE_URL is not set");
        }
        return baseUrl;
    }

    private static String required(Map<String, String> env, String name) {
        String value = blankToNull(env.get(name));
        if (value == null) {
            throw new IllegalArgumentException(name + " is not set");
        }
        return value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
