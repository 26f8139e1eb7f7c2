package dev.scangate.local.commands.progress;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;

/**
 * A one-line text progress bar redrawn in place with a carriage return. Disabled (prints nothing)
 * when the output is not a terminal. It redraws only when the visible text changes, so callers may
 * report progress as often as they like.
 */
public final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String label;
    private final long totalBytes;
    private final int totalItems;
    private final boolean enabled;
    private String lastLine = "";
    private long bytes;
    private int items;

    public ProgressBar(PrintStream out, String label, int totalItems, long totalBytes, boolean enabled) {
        this.out = Objects.requireNonNull(out, "out");
        this.label = Objects.requireNonNull(label, "label");
        this.totalItems = totalItems;
        this.totalBytes = totalBytes;
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    /** Bytes done over all items so far (monotonic from the caller's view is not required). */
    public void bytes(long doneBytes) {
        this.bytes = Math.max(0, Math.min(doneBytes, totalBytes));
        draw();
    }

    public void itemDone() {
        items = Math.min(items + 1, totalItems);
        draw();
    }

    /** Ends the bar's line so later output starts on a fresh one. */
    public void finish() {
        if (enabled && !lastLine.isEmpty()) {
            out.println();
            out.flush();
        }
    }

    String render() {
        double fraction = totalBytes > 0 ? (double) bytes / totalBytes
                : totalItems > 0 ? (double) items / totalItems : 1.0;
        int filled = (int) Math.round(fraction * WIDTH);
        return String.format(Locale.ROOT, "%s [%s%s] %3d%%  %d/%d files  %s/%s",
                label, "#".repeat(filled), ".".repeat(WIDTH - filled), (int) Math.floor(fraction * 100),
                items, totalItems, Sizes.human(bytes), Sizes.human(totalBytes));
    }

    private void draw() {
        if (!enabled) {
            return;
        }
        String line = render();
        if (!line.equals(lastLine)) {
            out.print("\r" + line);
            out.flush();
            lastLine = line;
        }
    }
}
