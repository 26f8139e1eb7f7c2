package dev.scangate.lambdas.core.approval;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the approver's message: what is held, how bad it is, until when, and the one link to
 * the review page. The link never carries the task token.
 */
public final class NotificationComposer {

    /** SNS email subjects: ASCII, no line breaks, under 100 characters. */
    static final int MAX_SUBJECT = 99;

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final List<String> SEVERITY_ORDER = List.of("HIGH", "MEDIUM", "LOW");

    private final String baseUrl;

    public NotificationComposer(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Notification compose(ApprovalRecord record, ApprovalLink link) {
        List<ApprovalObject> objects = record.objects();
        String worst = worstSeverity(objects);
        String subject = "ScanGate: " + objects.size() + (objects.size() == 1 ? " object" : " objects")
                + " held for review" + (worst.isEmpty() ? "" : " (" + worst + ")") + " - run " + record.runId();
        String intro = "ScanGate is holding " + objects.size() + (objects.size() == 1 ? " object" : " objects")
                + " from run " + record.runId() + " until someone decides.\n\n";
        return new Notification(subjectLine(subject), intro + details(record, link));
    }

    /**
     * The one reminder before an approval expires: the same signed link (approval id and expiry,
     * never the task token) and the same details, under a subject that says it is a reminder and
     * when the approval expires.
     */
    public Notification composeReminder(ApprovalRecord record, ApprovalLink link) {
        List<ApprovalObject> objects = record.objects();
        String when = WHEN.format(record.expiresAt());
        String subject = "ScanGate reminder: review expires " + when + " - " + objects.size()
                + (objects.size() == 1 ? " object" : " objects") + ", run " + record.runId();
        String intro = "Reminder: nobody has decided yet on the " + objects.size()
                + (objects.size() == 1 ? " object" : " objects") + " ScanGate is holding from run " + record.runId()
                + ".\nThis approval expires " + when + "; after that the objects stay in manual review.\n\n";
        return new Notification(subjectLine(subject), intro + details(record, link));
    }

    private String details(ApprovalRecord record, ApprovalLink link) {
        List<ApprovalObject> objects = record.objects();
        long flagged = objects.stream().filter(o -> "FLAGGED".equals(o.verdict())).count();
        long unscanned = objects.size() - flagged;
        String worst = worstSeverity(objects);
        StringBuilder body = new StringBuilder();
        if (flagged > 0) {
            body.append("  ").append(flagged).append(" with sensitive data")
                    .append(worst.isEmpty() ? "" : " (worst severity: " + worst + ")").append('\n');
        }
        if (unscanned > 0) {
            body.append("  ").append(unscanned).append(" that could not be scanned\n");
        }
        String detected = topDetections(objects);
        if (!detected.isEmpty()) {
            body.append("  Found: ").append(detected).append('\n');
        }
        body.append("\nNothing from this run reaches the curated bucket without a decision.\n")
                .append("Review the objects and approve or deny them here (the link expires ")
                .append(WHEN.format(record.expiresAt())).append("):\n\n")
                .append(link.reviewUrl(baseUrl)).append("\n\n")
                .append("Opening the link decides nothing; you decide on the page.\n")
                .append("If nobody decides in time, the objects stay in manual review.\n");
        return body.toString();
    }

    private static String subjectLine(String subject) {
        String line = asciiLine(subject);
        return line.length() > MAX_SUBJECT ? line.substring(0, MAX_SUBJECT - 3) + "..." : line;
    }

    private static String worstSeverity(List<ApprovalObject> objects) {
        return objects.stream()
                .map(ApprovalObject::severity)
                .filter(s -> s != null && SEVERITY_ORDER.contains(s.toUpperCase(Locale.ROOT)))
                .map(s -> s.toUpperCase(Locale.ROOT))
                .min(Comparator.comparingInt(SEVERITY_ORDER::indexOf))
                .map(s -> s.charAt(0) + s.substring(1).toLowerCase(Locale.ROOT))
                .orElse("");
    }

    private static String topDetections(List<ApprovalObject> objects) {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (ApprovalObject o : objects) {
            if (o.detections().isEmpty()) {
                o.findingTypes().forEach(t -> totals.merge(t, 1L, Long::sum));
            }
            o.detections().forEach(d -> totals.merge(d.type(), d.count(), Long::sum));
        }
        return totals.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(5)
                .map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
    }

    private static String asciiLine(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }
}
