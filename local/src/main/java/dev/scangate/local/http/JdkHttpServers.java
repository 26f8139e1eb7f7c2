package dev.scangate.local.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Creates the JDK {@link HttpServer}s of the local runtime, with the settings every one of them
 * needs ({@link #create}).
 *
 * <p>The JDK server writes a response's status line and headers in one write (and flushes) and
 * the body in another. With Nagle's algorithm on the accepted socket the body waits for the
 * client to acknowledge the headers, and the client delays that acknowledgement (40 ms on
 * Linux), so every response with a body took ~40 ms more than the work behind it: through the
 * edge endpoint a GetObject or CopyObject cost ~50 ms instead of ~5 ms. The JDK server turns
 * Nagle off on the sockets it accepts only when {@value #NO_DELAY} is {@code true}, and reads that
 * property once, when the first server of the JVM is created; so every server is created here.
 */
public final class JdkHttpServers {

    /** The JDK server's switch for {@code TCP_NODELAY} on accepted connections. */
    public static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private JdkHttpServers() {
    }

    /** A bound, not yet started server, with Nagle off on the connections it accepts. */
    public static HttpServer create(InetSocketAddress address, int backlog) throws IOException {
        configure();
        return HttpServer.create(address, backlog);
    }

    /** Turns Nagle off for the JDK servers of this JVM, unless the user chose otherwise with {@code -D}. */
    static void configure() {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }
}
