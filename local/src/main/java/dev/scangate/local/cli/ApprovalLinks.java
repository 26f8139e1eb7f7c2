package dev.scangate.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The approval link as a person gets it: read from the emailed MIME message in the outbox, and
 * used through the public approval API (JSON), exactly as a tool would.
 */
final class ApprovalLinks {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+/approvals/[A-Za-z0-9_-]+\\?[^\\s\"<>]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String link;
    private final HttpClient http = HttpClient.newHttpClient();

    private ApprovalLinks(String link) {
        this.link = link;
    }

    String link() {
        return link;
    }

    /** The link from the newest outbox message about {@code runId}. */
    static ApprovalLinks latestFor(Path outbox, String runId) {
        List<Path> messages;
        try (Stream<Path> files = Files.list(outbox)) {
            messages = files.filter(p -> p.toString().endsWith(".eml"))
                    .sorted(Comparator.comparing(Path::getFileName).reversed()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the outbox " + outbox, e);
        }
        for (Path message : messages) {
            String text = textOf(message);
            if (text.contains(runId)) {
                Matcher m = LINK.matcher(text);
                if (m.find()) {
                    return new ApprovalLinks(m.group());
                }
            }
        }
        throw new IllegalStateException("no approval email for run " + runId + " in " + outbox);
    }

    /** Decides every object of the approval the same way; answers how many. */
    int decideAll(String action, String approver) {
        URI page = URI.create(link);
        String query = page.getRawQuery();
        String base = link.substring(0, link.indexOf('?'));
        JsonNode approval = send(HttpRequest.newBuilder(URI.create(base + ".json?" + query)).GET().build(), 200);
        var body = JSON.createObjectNode();
        var decisions = body.putObject("decisions");
        approval.path("objects").forEach(o -> decisions.put(o.path("key").asText(), action));
        body.put("approver", approver);
        send(HttpRequest.newBuilder(URI.create(base + "/decision?" + query))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), 200);
        return decisions.size();
    }

    private JsonNode send(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException("the approval API answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the approval API at " + request.uri().getHost() + ":" + request.uri().getPort(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String textOf(Path eml) {
        try (InputStream in = Files.newInputStream(eml)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            return text(message.getContent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + eml, e);
        } catch (MessagingException e) {
            throw new IllegalStateException("not a MIME message: " + eml, e);
        }
    }

    private static String text(Object content) throws MessagingException, IOException {
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                all.append(text(part.getContent())).append('\n');
            }
            return all.toString();
        }
        return "";
    }
}
