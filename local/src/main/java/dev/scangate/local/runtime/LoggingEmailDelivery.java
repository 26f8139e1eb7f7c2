package dev.scangate.local.runtime;

import dev.scangate.local.sns.EmailDelivery;
import dev.scangate.local.sns.EmailNotification;
import java.io.PrintStream;

/** Until the outbox is plugged in: prints who would get which mail, and its body. */
final class LoggingEmailDelivery implements EmailDelivery {

    private final PrintStream out;

    LoggingEmailDelivery(PrintStream out) {
        this.out = out;
    }

    @Override
    public void deliver(EmailNotification notification) {
        out.printf("mail to %s: %s%n%s%n", notification.to(), notification.subject(), notification.body());
    }
}
