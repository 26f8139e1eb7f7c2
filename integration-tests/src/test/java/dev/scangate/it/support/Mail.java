package dev.scangate.it.support;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One message from the outbox, read back as a mail client would read the .eml file. */
public record Mail(Path file, List<String> to, String subject, String text) {

    private static final Pattern REVIEW_LINK = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/approvals/[^\\s\"<>]+");

    public static Mail read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            var message = new MimeMessage(Session.getInstance(new Properties()), in);
            var to = java.util.Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
            return new Mail(file, to, message.getSubject(), plainText(message.getContent()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (MessagingException e) {
            throw new IllegalStateException(file + " is not a MIME message: " + e.getMessage(), e);
        }
    }

    /** The review link in the message body, when there is one. */
    public Optional<ApprovalLink> reviewLink() {
        Matcher m = REVIEW_LINK.matcher(text);
        return m.find() ? Optional.of(ApprovalLink.parse(m.group())) : Optional.empty();
    }

    private static String plainText(Object content) throws MessagingException, IOException {
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return (String) part.getContent();
                }
            }
            for (int i = 0; i < multipart.getCount(); i++) {
                String nested = plainText(multipart.getBodyPart(i).getContent());
                if (!nested.isEmpty()) {
                    return nested;
                }
            }
        }
        return "";
    }
}
