package dev.scangate.approval.web;

import static dev.scangate.approval.web.Html.escape;

import dev.scangate.lambdas.core.approval.ApprovalLink;
import dev.scangate.lambdas.core.approval.ApprovalObject;
import dev.scangate.lambdas.core.approval.ApprovalRecord;
import dev.scangate.lambdas.core.approval.Decision;
import dev.scangate.lambdas.core.approval.DecisionAction;
import dev.scangate.lambdas.core.approval.Detection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * The server-rendered pages. No script anywhere: the page works with JavaScript off, and the
 * content security policy allows only this file's one stylesheet (by hash). Every value from a
 * record is escaped; sensitive values are never in a record to begin with.
 */
public final class Pages {

    static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;"
            + "color:#1b1b1b}table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border-bottom:1px solid #ccc;"
            + "padding:.4rem;text-align:left;vertical-align:top}.key{font-family:monospace;word-break:break-all}"
            + ".meta{color:#555}.notice{background:#fff4d6;padding:.6rem;border-left:4px solid #e0a800}"
            + ".error{background:#fde2e1;padding:.6rem;border-left:4px solid #c62828}"
            + ".ok{background:#e3f4e5;padding:.6rem;border-left:4px solid #2e7d32}"
            + "button{padding:.4rem 1rem;margin-right:.5rem}ul{margin:0;padding-left:1rem}label{white-space:nowrap}";
    /** For the Content-Security-Policy header: the only style the pages may use. */
    public static final String STYLE_HASH = "sha256-" + sha256(STYLE);

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Pages() {
    }

    public static String review(ApprovalRecord record, ApprovalLink link, String csrfToken, String approverFromHeader) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>Review held objects</h1>\n");
        b.append("<p class=\"meta\">Run <strong>").append(escape(record.runId())).append("</strong> &middot; ")
                .append(record.objects().size()).append(record.objects().size() == 1 ? " object" : " objects")
                .append(" held &middot; decide before ").append(when(record.expiresAt())).append("</p>\n");
        b.append("<p class=\"notice\">Nothing from this run reaches the curated bucket until you decide. ")
                .append("<strong>Approve</strong> promotes an object to the curated bucket, tagged as containing ")
                .append("sensitive data. <strong>Deny</strong> deletes it (a recoverable version is kept for the ")
                .append("retention window). Each object is decided once.</p>\n");
        b.append("<form method=\"post\" action=\"").append(escape(record.approvalId())).append("/decision?")
                .append(escape(link.queryString())).append("\">\n");
        b.append("<input type=\"hidden\" name=\"csrf\" value=\"").append(escape(csrfToken)).append("\">\n");
        b.append("<table>\n<thead><tr><th>Object</th><th>Size</th><th>Verdict</th><th>Severity</th>")
                .append("<th>Found (type, count, where)</th><th>Decision</th></tr></thead>\n<tbody>\n");
        int i = 0;
        for (ApprovalObject o : record.objects()) {
            b.append("<tr><td class=\"key\">").append(escape(o.key())).append("</td><td>")
                    .append(size(o.sizeBytes())).append("</td><td>").append(escape(o.verdict()))
                    .append(o.verdict().equals("UNSCANNED") ? "<br><small>not analysed; review by hand</small>" : "")
                    .append("</td><td>").append(o.severity() == null ? "&ndash;" : escape(o.severity()))
                    .append("</td><td>").append(findings(o)).append("</td><td>")
                    .append("<label><input type=\"radio\" name=\"d.").append(i)
                    .append("\" value=\"APPROVE\" required> Approve</label><br>")
                    .append("<label><input type=\"radio\" name=\"d.").append(i)
                    .append("\" value=\"DENY\"> Deny</label></td></tr>\n");
            i++;
        }
        b.append("</tbody>\n</table>\n");
        if (approverFromHeader != null) {
            b.append("<p>Deciding as <strong>").append(escape(approverFromHeader)).append("</strong>.</p>\n");
        } else {
            b.append("<p><label>Your email (recorded with the decision) <input type=\"email\" name=\"approver\" ")
                    .append("required maxlength=\"320\" autocomplete=\"email\"></label></p>\n");
        }
        b.append("<p><button type=\"submit\" id=\"submit\">Submit these decisions</button>")
                .append("<button type=\"submit\" name=\"all\" value=\"APPROVE\" formnovalidate>Approve all</button>")
                .append("<button type=\"submit\" name=\"all\" value=\"DENY\" formnovalidate>Deny all</button></p>\n");
        b.append("</form>\n");
        return page("Review held objects - run " + record.runId(), b.toString());
    }

    public static String confirmation(ApprovalRecord record) {
        Decision d = record.decision();
        String body = "<h1>Decision recorded</h1>\n<p class=\"ok\">Thank you. " + d.count(DecisionAction.APPROVE)
                + " approved, " + d.count(DecisionAction.DENY) + " denied by <strong>" + escape(d.approver())
                + "</strong> at " + when(d.decidedAt()) + ". The pipeline now promotes the approved objects and "
                + "deletes the denied ones.</p>\n" + decisionTable(record);
        return page("Decision recorded - run " + record.runId(), body);
    }

    public static String alreadyDecided(ApprovalRecord record) {
        Decision d = record.decision();
        String body = "<h1>Already decided</h1>\n<p class=\"notice\">Run <strong>" + escape(record.runId())
                + "</strong> was decided by <strong>" + escape(d.approver()) + "</strong> at " + when(d.decidedAt())
                + ". A decision is made once; nothing was changed.</p>\n" + decisionTable(record);
        return page("Already decided - run " + record.runId(), body);
    }

    public static String expired(ApprovalRecord record) {
        String body = "<h1>Too late to decide</h1>\n<p class=\"error\">The workflow for run <strong>"
                + escape(record.runId()) + "</strong> is no longer waiting for a decision"
                + (record.statusReason() == null ? "" : " (" + escape(record.statusReason()) + ")")
                + ". Nothing was applied: the objects stay in manual review, where an operator can handle them.</p>\n";
        return page("Too late to decide - run " + record.runId(), body);
    }

    public static String error(String title, String message, String backLink) {
        String body = "<h1>" + escape(title) + "</h1>\n<p class=\"error\">" + escape(message) + "</p>\n"
                + (backLink == null ? "" : "<p><a href=\"" + escape(backLink) + "\">Back to the review page</a></p>\n");
        return page(title, body);
    }

    private static String decisionTable(ApprovalRecord record) {
        StringBuilder b = new StringBuilder("<table>\n<thead><tr><th>Object</th><th>Decision</th></tr></thead>\n<tbody>\n");
        for (Map.Entry<String, DecisionAction> e : record.decision().decisions().entrySet()) {
            b.append("<tr><td class=\"key\">").append(escape(e.getKey())).append("</td><td>")
                    .append(e.getValue() == DecisionAction.APPROVE ? "Approved" : "Denied").append("</td></tr>\n");
        }
        return b.append("</tbody>\n</table>\n").toString();
    }

    private static String findings(ApprovalObject o) {
        if (o.detections().isEmpty() && o.findingTypes().isEmpty()) {
            return "&ndash;";
        }
        StringBuilder b = new StringBuilder("<ul>");
        for (Detection d : o.detections()) {
            b.append("<li>").append(escape(d.type())).append(" &times;").append(d.count());
            if (!d.locations().isEmpty()) {
                b.append(" <small>(").append(escape(String.join(", ", d.locations()))).append(")</small>");
            }
            b.append("</li>");
        }
        if (o.detections().isEmpty()) {
            o.findingTypes().forEach(t -> b.append("<li>").append(escape(t)).append("</li>"));
        }
        return b.append("</ul>").toString();
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"referrer\" content=\"no-referrer\">\n"
                + "<title>" + escape(title) + " | ScanGate</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n"
                + body + "</body>\n</html>\n";
    }

    private static String when(Instant instant) {
        return "<time datetime=\"" + instant + "\">" + WHEN.format(instant) + "</time>";
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    private static String sha256(String s) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
