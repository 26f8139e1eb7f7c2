package dev.scangate.local.sns;

import java.util.ArrayList;
import java.util.List;

/** What the local SNS keeps on disk: topics and their subscriptions. */
record TopicState(List<Topic> topics) {

    TopicState {
        topics = topics == null ? new ArrayList<>() : new ArrayList<>(topics);
    }

    record Topic(String arn, String name, List<Subscription> subscriptions) {
        Topic {
            subscriptions = subscriptions == null ? new ArrayList<>() : new ArrayList<>(subscriptions);
        }
    }

    record Subscription(String arn, String protocol, String endpoint) { }
}
