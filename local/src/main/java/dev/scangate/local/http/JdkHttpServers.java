package dev.scangate.local.http;

/**
 * Settings every JDK {@link com.sun.net.httpserver.HttpServer} in this JVM needs; call
 * {@link #configure()} before creating one.
 *
 * <p>The JDK server writes a response's status line and headers in one write (and flushes) and
 * the body in another. With Nagle's algorithm on the accepted socket the body waits for the
 * client to acknowledge the headers, and the client delays that acknowledgement (40 ms on
 * Linux), so every response with a body took ~40 ms more than the work behind it: through the
 * edge endpoint a GetObject or CopyObject cost ~50 ms instead of ~5 ms. The JDK server turns
 * Nagle off on the sockets it accepts only when {@value #NO_DELAY} is {@code true}, and reads that
 * property once, when the first server of the JVM is created; so it is set here, as early as
 * possible ({@code ScanGateCli.main}) and again by each of our servers in case one of them is first.
 */
public final class JdkHttpServers {

    /** The JDK server's switch for {@code TCP_NODELAY} on accepted connections. */
    public static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private JdkHttpServers() {
    }

    /** Turns Nagle off for the JDK servers of this JVM, unless the user chose otherwise with {@code -D}. */
    public static void configure() {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }
}
