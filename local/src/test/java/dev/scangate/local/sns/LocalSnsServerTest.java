package dev.scangate.local.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scangate.lambdas.aws.AwsClientFactory;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;

/** The SNS stand-in on its own port, as the server convention has it. */
class LocalSnsServerTest {

    @TempDir
    Path dir;

    private final List<EmailNotification> mail = new CopyOnWriteArrayList<>();

    private LocalSnsServer server() {
        return LocalSnsServer.builder().directory(dir).emailDelivery(mail::add).build().start();
    }

    private static SnsClient client(LocalSnsServer server) {
        return AwsClientFactory.forEndpoint(URI.create("http://127.0.0.1:" + server.getPort())).sns();
    }

    @Test
    void start_whenRestarted_keepsTopicsAndSubscriptions() {
        var first = server();
        String topic;
        try (var sns = client(first)) {
            topic = sns.createTopic(b -> b.name("approvals")).topicArn();
            sns.subscribe(b -> b.topicArn(topic).protocol("email").endpoint("ana@example.com"));
        } finally {
            first.stop();
        }
        var second = server();
        try (var sns = client(second)) {
            assertThat(sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions())
                    .singleElement().satisfies(s -> assertThat(s.endpoint()).isEqualTo("ana@example.com"));
            sns.publish(b -> b.topicArn(topic).message("after restart"));
        } finally {
            second.stop();
        }
        assertThat(mail).singleElement().satisfies(m -> {
            assertThat(m.body()).isEqualTo("after restart");
            assertThat(m.subject()).isEqualTo("AWS Notification Message");
        });
    }

    @Test
    void publish_whenMessageStructureJson_sendsTheEmailEntry() {
        var server = server();
        try (var sns = client(server)) {
            String topic = sns.createTopic(b -> b.name("t")).topicArn();
            sns.subscribe(b -> b.topicArn(topic).protocol("email").endpoint("ana@example.com"));
            sns.publish(b -> b.topicArn(topic).messageStructure("json").message("{\"default\":\"plain\",\"email\":\"for email\"}"));
            assertThatThrownBy(() -> sns.publish(b -> b.topicArn(topic).messageStructure("json").message("{\"sqs\":\"x\"}")))
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("No default entry");
            assertThatThrownBy(() -> sns.createTopic(b -> b.name("bad name!")))
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Topic Name");
        } finally {
            server.stop();
        }
        assertThat(mail).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("for email"));
    }

    @Test
    void publish_whenDeliveryFails_stillAcceptsTheMessage() {
        var server = LocalSnsServer.builder().directory(dir).emailDelivery(m -> {
            throw new IllegalStateException("outbox full");
        }).build().start();
        try (var sns = client(server)) {
            String topic = sns.createTopic(b -> b.name("t")).topicArn();
            sns.subscribe(b -> b.topicArn(topic).protocol("email").endpoint("ana@example.com"));
            assertThat(sns.publish(b -> b.topicArn(topic).message("x")).messageId()).isNotBlank();
        } finally {
            server.stop();
        }
    }
}
