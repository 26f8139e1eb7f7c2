package dev.scangate.local.commands.progress;

/** Whether output goes to a person at a terminal (bars and rewritten lines) or to a file/pipe. */
public final class Terminal {

    private Terminal() {
    }

    /**
     * On Java 17 {@code System.console()} is null whenever stdin or stdout is redirected, which is
     * exactly when a carriage-return bar would litter a log. {@code TERM=dumb} opts out too.
     */
    public static boolean isInteractive() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }
}
