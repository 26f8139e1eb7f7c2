package dev.scangate.local.macie.api.core;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Macie's ISO-8601 timestamps: UTC, always three fraction digits. */
public final class Timestamps {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant);
    }

    /** Parses an ISO-8601 instant; the field name goes into the error so the caller knows what to fix. */
    public static Instant parse(String value, String field) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw MacieException.validation(field + " must be an ISO-8601 UTC timestamp, got '" + value + "'");
        }
    }
}
