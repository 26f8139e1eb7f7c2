package dev.scangate.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** An event as EventBridge delivers it to targets, kept in the local event log. */
public record StoredEvent(
        String id,
        Instant time,
        String eventBusName,
        String source,
        String detailType,
        JsonNode detail,
        List<String> resources,
        String account,
        String region) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public StoredEvent {
        resources = List.copyOf(resources == null ? List.of() : resources);
    }

    /** The EventBridge event envelope ({@code version, id, detail-type, source, ... detail}). */
    public ObjectNode toEventJson() {
        ObjectNode node = JSON.createObjectNode()
                .put("version", "0")
                .put("id", id)
                .put("detail-type", detailType)
                .put("source", source)
                .put("account", account)
                .put("time", time.toString())
                .put("region", region);
        var list = node.putArray("resources");
        resources.forEach(list::add);
        node.set("detail", detail);
        node.put("event-bus-name", eventBusName);
        return node;
    }

    static StoredEvent fromEventJson(JsonNode node) {
        var resources = new java.util.ArrayList<String>();
        node.path("resources").forEach(r -> resources.add(r.asText()));
        return new StoredEvent(node.path("id").asText(), Instant.parse(node.path("time").asText()),
                node.path("event-bus-name").asText("default"), node.path("source").asText(),
                node.path("detail-type").asText(), node.path("detail"), resources,
                node.path("account").asText(), node.path("region").asText());
    }
}
