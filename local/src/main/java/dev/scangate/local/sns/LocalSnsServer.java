package dev.scangate.local.sns;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.scangate.local.http.Exchanges;
import dev.scangate.local.http.LoopbackHttpServer;
import dev.scangate.local.http.Xml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for Amazon SNS speaking the query protocol ({@code SnsClient}, {@code aws sns}):
 * CreateTopic, ListTopics, DeleteTopic, Subscribe, Unsubscribe, ListSubscriptions,
 * ListSubscriptionsByTopic and Publish. Email subscriptions are confirmed at once and delivered to
 * an {@link EmailDelivery}. Topics and subscriptions are kept in {@code <directory>/topics.json}.
 */
public final class LocalSnsServer {

    private static final Logger LOG = LoggerFactory.getLogger(LocalSnsServer.class);
    private static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";
    private static final String DEFAULT_SUBJECT = "AWS Notification Message";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int requestedPort;
    private final String account;
    private final TopicRegistry topics;
    private final EmailDelivery emailDelivery;
    private final Clock clock;
    private LoopbackHttpServer server;

    private LocalSnsServer(Builder builder) {
        this.requestedPort = builder.port;
        this.account = builder.account;
        this.topics = new TopicRegistry(builder.region, builder.account,
                Objects.requireNonNull(builder.directory, "directory").resolve("topics.json"));
        this.emailDelivery = Objects.requireNonNull(builder.emailDelivery, "emailDelivery");
        this.clock = builder.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    public synchronized LocalSnsServer start() {
        if (server == null) {
            server = LoopbackHttpServer.start("local SNS", requestedPort, handler());
        }
        return this;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public synchronized int getPort() {
        if (server == null) {
            throw new IllegalStateException("local SNS is not started");
        }
        return server.port();
    }

    public HttpHandler handler() {
        return this::handle;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        try {
            String body = new String(Exchanges.body(exchange, Exchanges.MAX_BODY_BYTES), StandardCharsets.UTF_8);
            Map<String, String> params = Exchanges.form(exchange.getRequestURI().getRawQuery(), body);
            String action = params.getOrDefault("Action", "");
            String result = switch (action) {
                case "CreateTopic" -> "<TopicArn>" + Xml.escape(topics.createTopic(params.get("Name"))) + "</TopicArn>";
                case "ListTopics" -> listTopics();
                case "DeleteTopic" -> {
                    topics.deleteTopic(params.get("TopicArn"));
                    yield null;
                }
                case "Subscribe" -> "<SubscriptionArn>"
                        + Xml.escape(topics.subscribe(params.get("TopicArn"), params.get("Protocol"), params.get("Endpoint")))
                        + "</SubscriptionArn>";
                case "Unsubscribe" -> {
                    topics.unsubscribe(params.get("SubscriptionArn"));
                    yield null;
                }
                case "ListSubscriptionsByTopic" -> subscriptions(params.get("TopicArn"), topics.subscriptions(params.get("TopicArn")));
                case "ListSubscriptions" -> subscriptions(null, topics.allSubscriptions());
                case "Publish" -> "<MessageId>" + Xml.escape(publish(params)) + "</MessageId>";
                case "" -> throw new SnsException(SnsError.MISSING_PARAMETER, "The request must contain the parameter Action");
                default -> throw new SnsException(SnsError.INVALID_ACTION, "The action " + action + " is not valid for this endpoint.");
            };
            sendResult(exchange, action, result, requestId);
        } catch (SnsException e) {
            sendError(exchange, e.error(), e.getMessage(), requestId);
        } catch (Exchanges.BodyTooLargeException e) {
            sendError(exchange, SnsError.INVALID_PARAMETER, "Invalid parameter: " + e.getMessage(), requestId);
        }
    }

    private String listTopics() {
        var xml = new StringBuilder("<Topics>");
        topics.topicArns().forEach(arn -> xml.append("<member><TopicArn>").append(Xml.escape(arn)).append("</TopicArn></member>"));
        return xml.append("</Topics>").toString();
    }

    private String subscriptions(String topicArn, java.util.List<TopicState.Subscription> subscriptions) {
        var xml = new StringBuilder("<Subscriptions>");
        for (var s : subscriptions) {
            String topic = topicArn != null ? topicArn : s.arn().substring(0, s.arn().lastIndexOf(':'));
            xml.append("<member><TopicArn>").append(Xml.escape(topic)).append("</TopicArn>")
                    .append("<Protocol>").append(Xml.escape(s.protocol())).append("</Protocol>")
                    .append("<SubscriptionArn>").append(Xml.escape(s.arn())).append("</SubscriptionArn>")
                    .append("<Owner>").append(account).append("</Owner>")
                    .append("<Endpoint>").append(Xml.escape(s.endpoint())).append("</Endpoint></member>");
        }
        return xml.append("</Subscriptions>").toString();
    }

    private String publish(Map<String, String> params) {
        String topicArn = params.getOrDefault("TopicArn", params.get("TargetArn"));
        var topic = topics.require(topicArn);
        String message = params.get("Message");
        if (message == null || message.isEmpty()) {
            throw new SnsException(SnsError.INVALID_PARAMETER, "Invalid parameter: Empty message");
        }
        String subject = params.get("Subject");
        if (subject != null && (subject.isBlank() || subject.length() > 100 || subject.chars().anyMatch(Character::isISOControl))) {
            throw new SnsException(SnsError.INVALID_PARAMETER,
                    "Invalid parameter: Subject must be 1-100 printable characters with no line breaks");
        }
        String messageId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        for (var subscription : topics.subscriptions(topic.arn())) {
            String text = messageFor(subscription.protocol(), message, "json".equals(params.get("MessageStructure")));
            String body = subscription.protocol().equals("email-json")
                    ? envelope(messageId, topic.arn(), subject, text, now)
                    : text;
            var notification = new EmailNotification(messageId, topic.arn(), subscription.arn(), subscription.protocol(),
                    subscription.endpoint(), subject == null ? DEFAULT_SUBJECT : subject, body, now);
            try {
                emailDelivery.deliver(notification);
            } catch (RuntimeException e) {
                // SNS accepted the message; a failed delivery is the subscriber's problem, as in AWS
                LOG.error("delivery of message {} to subscription {} failed", messageId, subscription.arn(), e);
            }
        }
        return messageId;
    }

    /** With {@code MessageStructure=json} the message holds one text per protocol and a {@code default}. */
    private static String messageFor(String protocol, String message, boolean perProtocol) {
        if (!perProtocol) {
            return message;
        }
        try {
            var node = JSON.readTree(message);
            var text = node.has(protocol) ? node.get(protocol) : node.get("default");
            if (text == null || !text.isTextual()) {
                throw new SnsException(SnsError.INVALID_PARAMETER,
                        "Invalid parameter: Message Structure - No default entry in JSON message body");
            }
            return text.asText();
        } catch (IOException e) {
            throw new SnsException(SnsError.INVALID_PARAMETER, "Invalid parameter: Message Structure - JSON message body failed to parse");
        }
    }

    private static String envelope(String messageId, String topicArn, String subject, String message, Instant time) {
        ObjectNode node = JSON.createObjectNode()
                .put("Type", "Notification")
                .put("MessageId", messageId)
                .put("TopicArn", topicArn);
        if (subject != null) {
            node.put("Subject", subject);
        }
        node.put("Message", message).put("Timestamp", time.toString()).put("SignatureVersion", "1");
        return node.toString();
    }

    private static void sendResult(HttpExchange exchange, String action, String result, String requestId) throws IOException {
        var xml = new StringBuilder("<").append(action).append("Response xmlns=\"").append(NAMESPACE).append("\">");
        if (result != null) {
            xml.append('<').append(action).append("Result>").append(result).append("</").append(action).append("Result>");
        }
        xml.append("<ResponseMetadata><RequestId>").append(requestId).append("</RequestId></ResponseMetadata></")
                .append(action).append("Response>");
        Exchanges.send(exchange, 200, "text/xml", xml.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void sendError(HttpExchange exchange, SnsError error, String message, String requestId) throws IOException {
        String xml = "<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error><Type>" + error.type() + "</Type><Code>"
                + error.code() + "</Code><Message>" + Xml.escape(message) + "</Message></Error><RequestId>"
                + requestId + "</RequestId></ErrorResponse>";
        Exchanges.send(exchange, error.status(), "text/xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    public static final class Builder {
        private int port;
        private String region = "us-east-1";
        private String account = "000000000000";
        private Path directory;
        private EmailDelivery emailDelivery;
        private Clock clock = Clock.systemUTC();

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        public Builder account(String account) {
            this.account = Objects.requireNonNull(account, "account");
            return this;
        }

        /** Where topics and subscriptions are kept. */
        public Builder directory(Path directory) {
            this.directory = directory;
            return this;
        }

        public Builder emailDelivery(EmailDelivery emailDelivery) {
            this.emailDelivery = emailDelivery;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public LocalSnsServer build() {
            return new LocalSnsServer(this);
        }
    }
}
