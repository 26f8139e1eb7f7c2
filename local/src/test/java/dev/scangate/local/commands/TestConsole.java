package dev.scangate.local.commands;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** A console that captures output, never sleeps and has a fixed clock. */
final class TestConsole {

    static final Instant NOW = Instant.parse("2026-03-23T10:15:00Z");

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Console console;

    TestConsole(boolean interactive) {
        console = new Console(new PrintStream(bytes, true, StandardCharsets.UTF_8), interactive, Duration.ZERO,
                Clock.fixed(NOW, ZoneOffset.UTC), d -> { });
    }

    static TestConsole plain() {
        return new TestConsole(false);
    }

    Console console() {
        return console;
    }

    String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
