package dev.scangate.local.commands.progress;

import java.util.Locale;

/** Byte counts for people: 1023 B, 4.0 KB, 12.5 MB (powers of 1024). */
public final class Sizes {

    private static final String[] UNITS = {"KB", "MB", "GB", "TB"};

    private Sizes() {
    }

    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
