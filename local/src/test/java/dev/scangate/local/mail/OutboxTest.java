package dev.scangate.local.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {

    private static final String LINK = "http://127.0.0.1:8080/approvals/abc?exp=1795000000&sig=xyz";
    private static final String BODY = "ScanGate is holding 2 objects from run r1.\n\nReview here:\n\n" + LINK + "\n";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @Test
    void deliver_whenNoSmtp_writesMimeMessageWithTextAndHtmlAndPrintsLink() throws Exception {
        Outbox outbox = outbox().build();

        Path eml = outbox.deliver("ann@example.com", "ScanGate: 2 objects held for review", BODY);

        assertThat(eml.getParent()).isEqualTo(dataDir.resolve("outbox"));
        assertThat(eml.getFileName().toString()).matches("20261123T120000\\.000Z-[0-9a-f]{8}\\.eml");
        MimeMessage message = read(eml);
        assertThat(message.getSubject()).isEqualTo("ScanGate: 2 objects held for review");
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("ann@example.com");
        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat((String) parts.getBodyPart(0).getContent()).contains(LINK);
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat((String) parts.getBodyPart(1).getContent())
                .contains("<a href=\"" + LINK.replace("&", "&amp;") + "\">");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains(LINK).contains(eml.toString());
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void deliver_whenSmtpConfigured_alsoSendsIt() throws Exception {
        Outbox outbox = outbox().smtp("127.0.0.1:" + SMTP.getSmtp().getPort()).build();

        Path eml = outbox.deliver("ann@example.com, bob@example.com", "Review needed", BODY);

        assertThat(eml).exists();
        assertThat(SMTP.getReceivedMessages()).hasSize(2);
        MimeMessage received = SMTP.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Review needed");
        assertThat(GreenMailUtil.getBody(received)).contains("approvals/abc");
    }

    @Test
    void deliver_whenBodyHoldsHtml_escapesItInHtmlPart() throws Exception {
        Path eml = outbox().build().deliver("ann@example.com", "<b>x</b>", "key <script>alert(1)</script>.csv");

        String html = (String) ((MimeMultipart) read(eml).getContent()).getBodyPart(1).getContent();

        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;").doesNotContain("<b>x</b>");
    }

    @Test
    void deliver_whenRecipientInvalid_throwsNamingItAndWritesNothing() {
        Outbox outbox = outbox().build();

        assertThatThrownBy(() -> outbox.deliver("not an address", "s", BODY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("to:").hasMessageContaining("not an address");
        assertThat(dataDir.resolve("outbox")).doesNotExist();
    }

    @Test
    void deliver_whenSmtpUnreachable_keepsMessageAndSaysWhere() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Outbox outbox = outbox().smtp("127.0.0.1", closedPort).build();

        assertThatThrownBy(() -> outbox.deliver("ann@example.com", "s", BODY))
                .isInstanceOf(MailDeliveryException.class)
                .hasMessageContaining("127.0.0.1:" + closedPort)
                .hasMessageContaining("kept in");
        try (Stream<Path> files = Files.list(dataDir.resolve("outbox"))) {
            List<Path> emls = files.filter(p -> p.toString().endsWith(".eml")).toList();
            assertThat(emls).hasSize(1);
            assertThat(read(emls.get(0)).getSubject()).isEqualTo("s");
        }
    }

    @Test
    void builder_whenSmtpMalformed_throwsNamingIt() {
        assertThatThrownBy(() -> Outbox.builder().smtp("localhost")).hasMessageContaining("host:port");
        assertThatThrownBy(() -> Outbox.builder().smtp("localhost:x")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> Outbox.builder().build()).hasMessageContaining("dataDirectory");
    }

    private Outbox.Builder outbox() {
        return Outbox.builder()
                .dataDirectory(dataDir)
                .console(new PrintStream(console, true, StandardCharsets.UTF_8))
                .clock(Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC));
    }

    private static MimeMessage read(Path eml) throws Exception {
        try (InputStream in = Files.newInputStream(eml)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }
}
