package dev.scangate.lambdas.core.approval;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A signed review link: approval id, expiry (epoch seconds) and signature. No task token, ever. */
public record ApprovalLink(String approvalId, long expiresAtEpochSecond, String signature) {

    /** {@code exp=..&sig=..}, the part every approval URL carries. */
    public String queryString() {
        return "exp=" + expiresAtEpochSecond + "&sig=" + URLEncoder.encode(signature, StandardCharsets.UTF_8);
    }

    /** {@code <baseUrl>/approvals/<id>?exp=..&sig=..}. */
    public String reviewUrl(String baseUrl) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + "/approvals/" + approvalId + "?" + queryString();
    }

    @Override
    public String toString() {
        return "ApprovalLink[approvalId=" + approvalId + ", exp=" + expiresAtEpochSecond + ", sig=***]";
    }
}
