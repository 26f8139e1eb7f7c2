package dev.scangate.local.mail;

/** A message could not be written to the outbox or handed to the SMTP server. */
public class MailDeliveryException extends RuntimeException {

    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
