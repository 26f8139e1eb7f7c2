package dev.scangate.local.commands.text;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times and durations as the commands print them: UTC, to the second. */
public final class Times {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    public static String instant(Instant t) {
        return t == null ? "-" : FORMAT.format(t);
    }

    /** {@code 45s}, {@code 3m05s}, {@code 2h07m}, {@code 5d03h}. */
    public static String duration(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format("%dm%02ds", s / 60, s % 60);
        }
        if (s < 86400) {
            return String.format("%dh%02dm", s / 3600, (s % 3600) / 60);
        }
        return String.format("%dd%02dh", s / 86400, (s % 86400) / 3600);
    }

    /** From start to stop, or to {@code now} while still running. */
    public static String duration(Instant start, Instant stop, Instant now) {
        if (start == null) {
            return "-";
        }
        return duration(Duration.between(start, stop == null ? now : stop));
    }
}
