package dev.scangate.local.commands;

import dev.scangate.local.commands.port.ApprovalRecords;
import dev.scangate.local.commands.port.ServiceException;
import dev.scangate.local.commands.text.TextTable;
import dev.scangate.local.commands.text.Times;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code scangate approvals}: the pending approvals. The table's layout belongs to the approval
 * API, so only items whose {@code status} is PENDING are shown, with their {@code runId},
 * {@code approvalId} and {@code expiresAt} when present. Nothing else is printed: the items hold
 * task tokens.
 */
public final class ApprovalsCommand {

    private final ApprovalRecords records;
    private final String tableName;
    private final Console console;

    public ApprovalsCommand(ApprovalRecords records, String tableName, Console console) {
        this.records = Objects.requireNonNull(records, "records");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.console = Objects.requireNonNull(console, "console");
    }

    public int run() {
        List<Map<String, String>> pending;
        try {
            pending = records.scanAll(tableName).stream()
                    .filter(item -> "PENDING".equalsIgnoreCase(item.get("status")))
                    .sorted(Comparator.comparing((Map<String, String> item) -> expiry(item.get("expiresAt")),
                            Comparator.nullsLast(Comparator.naturalOrder())))
                    .toList();
        } catch (ServiceException e) {
            throw Failures.of(e);
        }
        if (pending.isEmpty()) {
            console.out().println("No pending approvals.");
            return ExitCodes.OK;
        }
        Instant now = console.clock().instant();
        TextTable table = new TextTable("RUN", "APPROVAL", "EXPIRES");
        for (Map<String, String> item : pending) {
            table.row(item.get("runId"), item.get("approvalId"), expiresText(item.get("expiresAt"), now));
        }
        table.print(console.out());
        return ExitCodes.OK;
    }

    private static String expiresText(String raw, Instant now) {
        Instant at = expiry(raw);
        if (at == null) {
            return raw;
        }
        return Times.instant(at) + (at.isBefore(now) ? " (expired)" : " (in " + Times.duration(now, at, now) + ")");
    }

    /** Epoch seconds or milliseconds (a DynamoDB TTL is seconds) or ISO-8601; null when neither. */
    static Instant expiry(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            long n = new java.math.BigDecimal(raw.trim()).longValue();
            return n > 100_000_000_000L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
        } catch (NumberFormatException e) {
            try {
                return Instant.parse(raw.trim());
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
