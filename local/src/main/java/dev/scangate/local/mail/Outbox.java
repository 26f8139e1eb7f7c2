package dev.scangate.local.mail;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;

/**
 * Local email: every notification becomes a real MIME message (plain text plus HTML) in
 * {@code <data-dir>/outbox/<timestamp>-<id>.eml}, its links are printed, and, when an SMTP server
 * is configured, it is also sent there. The file is written first, so a failing SMTP server never
 * loses a message.
 */
public final class Outbox {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Path directory;
    private final InternetAddress from;
    private final String smtpHost;
    private final int smtpPort;
    private final PrintStream console;
    private final Clock clock;

    private Outbox(Builder b) {
        this.directory = b.dataDirectory.resolve("outbox");
        this.from = address(b.from, "from");
        this.smtpHost = b.smtpHost;
        this.smtpPort = b.smtpPort;
        this.console = b.console;
        this.clock = b.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Where the .eml files go: {@code <data-dir>/outbox}. */
    public Path directory() {
        return directory;
    }

    /**
     * Writes, prints and (with SMTP) sends one message.
     *
     * @param to one address or a comma-separated list
     * @return the .eml file written
     * @throws IllegalArgumentException when {@code to} is not a valid address list
     * @throws MailDeliveryException when the file cannot be written or SMTP refuses the message
     */
    public Path deliver(String to, String subject, String textBody) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
        Address[] recipients = recipients(to);
        String id = UUID.randomUUID().toString().substring(0, 8);
        MimeMessage message = compose(recipients, subject, textBody, id);
        Path file = write(message, STAMP.format(clock.instant()) + "-" + id + ".eml");
        console.println("[mail] to " + to.trim() + ": " + subject + " (" + file + ")");
        Matcher links = HtmlMailBody.URL.matcher(textBody);
        while (links.find()) {
            console.println("[mail]   " + links.group());
        }
        if (smtpHost != null) {
            try {
                Transport.send(message);
            } catch (MessagingException e) {
                throw new MailDeliveryException("SMTP server " + smtpHost + ":" + smtpPort + " refused the message; it is kept in "
                        + file, e);
            }
        }
        return file;
    }

    private MimeMessage compose(Address[] recipients, String subject, String text, String id) {
        Properties props = new Properties();
        if (smtpHost != null) {
            props.put("mail.smtp.host", smtpHost);
            props.put("mail.smtp.port", Integer.toString(smtpPort));
            props.put("mail.smtp.connectiontimeout", "10000");
            props.put("mail.smtp.timeout", "10000");
        }
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(props));
            message.setFrom(from);
            message.setRecipients(Message.RecipientType.TO, recipients);
            message.setSubject(subject, "UTF-8");
            message.setSentDate(Date.from(clock.instant()));
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text, "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(HtmlMailBody.render(subject, text), "UTF-8", "html");
            MimeMultipart alternative = new MimeMultipart("alternative", plain, html);
            message.setContent(alternative);
            message.setHeader("X-ScanGate-Outbox-Id", id);
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw new MailDeliveryException("could not build the message '" + subject + "'", e);
        }
    }

    private Path write(MimeMessage message, String name) {
        try {
            Files.createDirectories(directory);
            Path tmp = Files.createTempFile(directory, ".partial-", ".eml");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                message.writeTo(out);
            }
            Path target = directory.resolve(name);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
            return target;
        } catch (IOException | MessagingException e) {
            throw new MailDeliveryException("could not write to the outbox " + directory, e);
        }
    }

    private static Address[] recipients(String to) {
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("to: no recipient address");
        }
        try {
            InternetAddress[] parsed = InternetAddress.parse(to, true);
            if (parsed.length == 0) {
                throw new IllegalArgumentException("to: no recipient address");
            }
            for (InternetAddress a : parsed) {
                a.validate();
            }
            return parsed;
        } catch (AddressException e) {
            throw new IllegalArgumentException("to: '" + to + "' is not a valid email address list (" + e.getMessage() + ")", e);
        }
    }

    private static InternetAddress address(String value, String field) {
        try {
            InternetAddress a = new InternetAddress(value, true);
            a.validate();
            return a;
        } catch (AddressException e) {
            throw new IllegalArgumentException(field + ": '" + value + "' is not a valid email address", e);
        }
    }

    /** Configuration; only the data directory is required. */
    public static final class Builder {
        private Path dataDirectory;
        private String from = "scangate@localhost";
        private String smtpHost;
        private int smtpPort;
        private PrintStream console = System.out;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        public Builder from(String from) {
            this.from = from;
            return this;
        }

        /** Also send through this SMTP server (no authentication, as for a local relay or GreenMail). */
        public Builder smtp(String host, int port) {
            if (host == null || host.isBlank() || port < 1 || port > 65535) {
                throw new IllegalArgumentException("smtp: expected host and a port 1-65535, got " + host + ":" + port);
            }
            this.smtpHost = host.trim();
            this.smtpPort = port;
            return this;
        }

        /** {@code host:port}, as given to {@code --smtp}. */
        public Builder smtp(String hostAndPort) {
            int colon = hostAndPort == null ? -1 : hostAndPort.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("smtp: expected host:port, got '" + hostAndPort + "'");
            }
            try {
                return smtp(hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("smtp: the port in '" + hostAndPort + "' is not a number", e);
            }
        }

        public Builder console(PrintStream console) {
            this.console = Objects.requireNonNull(console, "console");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Outbox build() {
            if (dataDirectory == null) {
                throw new IllegalArgumentException("dataDirectory is required");
            }
            return new Outbox(this);
        }
    }
}
