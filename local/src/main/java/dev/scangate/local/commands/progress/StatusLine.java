package dev.scangate.local.commands.progress;

import java.io.PrintStream;
import java.util.Objects;

/**
 * A status that changes over time: rewritten in place on a terminal, otherwise one printed line
 * per change (so logs show every transition once, without carriage returns).
 */
public final class StatusLine {

    private final PrintStream out;
    private final boolean interactive;
    private String last = "";

    public StatusLine(PrintStream out, boolean interactive) {
        this.out = Objects.requireNonNull(out, "out");
        this.interactive = interactive;
    }

    public void show(String text) {
        if (text.equals(last)) {
            return;
        }
        if (interactive) {
            String pad = last.length() > text.length() ? " ".repeat(last.length() - text.length()) : "";
            out.print("\r" + text + pad);
        } else {
            out.println(text);
        }
        out.flush();
        last = text;
    }

    /** Ends the rewritten line so later output starts on a fresh one. */
    public void finish() {
        if (interactive && !last.isEmpty()) {
            out.println();
            out.flush();
        }
        last = "";
    }
}
