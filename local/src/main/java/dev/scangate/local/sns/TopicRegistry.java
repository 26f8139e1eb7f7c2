package dev.scangate.local.sns;

import dev.scangate.local.store.JsonFileStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Topics and subscriptions, kept in one JSON file so they survive a restart. Thread-safe. */
final class TopicRegistry {

    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    static final Set<String> PROTOCOLS = Set.of("email", "email-json");

    private final String arnPrefix;
    private final JsonFileStore<TopicState> store;
    private final TopicState state;

    TopicRegistry(String region, String account, Path file) {
        this.arnPrefix = "arn:aws:sns:" + region + ":" + account + ":";
        this.store = new JsonFileStore<>(file, TopicState.class);
        this.state = store.read().orElseGet(() -> new TopicState(null));
    }

    synchronized String createTopic(String name) {
        if (name == null || !TOPIC_NAME.matcher(name).matches()) {
            throw new SnsException(SnsError.INVALID_PARAMETER,
                    "Invalid parameter: Topic Name must be 1-256 letters, digits, hyphens or underscores, got '" + name + "'");
        }
        String arn = arnPrefix + name;
        if (find(arn).isEmpty()) {
            state.topics().add(new TopicState.Topic(arn, name, null));
            store.write(state);
        }
        return arn;
    }

    synchronized List<String> topicArns() {
        return state.topics().stream().map(TopicState.Topic::arn).toList();
    }

    synchronized void deleteTopic(String arn) {
        // like SNS, deleting a topic that does not exist succeeds
        if (state.topics().removeIf(t -> t.arn().equals(arn))) {
            store.write(state);
        }
    }

    synchronized String subscribe(String topicArn, String protocol, String endpoint) {
        var topic = require(topicArn);
        String normalised = protocol == null ? "" : protocol.toLowerCase(Locale.ROOT);
        if (!PROTOCOLS.contains(normalised)) {
            throw new SnsException(SnsError.INVALID_PARAMETER, "Invalid parameter: Protocol '" + protocol
                    + "' is not supported by the local SNS; use email or email-json");
        }
        if (endpoint == null || !EMAIL.matcher(endpoint).matches()) {
            throw new SnsException(SnsError.INVALID_PARAMETER, "Invalid parameter: Endpoint must be an email address, got '" + endpoint + "'");
        }
        for (var s : topic.subscriptions()) {
            if (s.protocol().equals(normalised) && s.endpoint().equalsIgnoreCase(endpoint)) {
                return s.arn();
            }
        }
        // local subscriptions are confirmed at once: there is no inbox to click a confirmation link in
        String arn = topicArn + ":" + UUID.randomUUID();
        topic.subscriptions().add(new TopicState.Subscription(arn, normalised, endpoint));
        store.write(state);
        return arn;
    }

    synchronized void unsubscribe(String subscriptionArn) {
        boolean removed = false;
        for (var topic : state.topics()) {
            removed |= topic.subscriptions().removeIf(s -> s.arn().equals(subscriptionArn));
        }
        if (removed) {
            store.write(state);
        }
    }

    synchronized List<TopicState.Subscription> subscriptions(String topicArn) {
        return List.copyOf(require(topicArn).subscriptions());
    }

    synchronized List<TopicState.Subscription> allSubscriptions() {
        return state.topics().stream().flatMap(t -> t.subscriptions().stream()).toList();
    }

    TopicState.Topic require(String topicArn) {
        if (topicArn == null || topicArn.isBlank()) {
            throw new SnsException(SnsError.MISSING_PARAMETER, "The request must contain the parameter TopicArn");
        }
        return find(topicArn).orElseThrow(() -> new SnsException(SnsError.NOT_FOUND, "Topic does not exist: " + topicArn));
    }

    private Optional<TopicState.Topic> find(String arn) {
        return state.topics().stream().filter(t -> t.arn().equals(arn)).findFirst();
    }
}
