package dev.scangate.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** What the local EventBridge keeps on disk: custom buses, rules and their targets. */
record BusState(List<String> buses, List<Rule> rules) {

    BusState {
        buses = buses == null ? new ArrayList<>() : new ArrayList<>(buses);
        rules = rules == null ? new ArrayList<>() : new ArrayList<>(rules);
    }

    record Rule(String name, String eventBusName, String eventPattern, String scheduleExpression, String state,
            String description, List<JsonNode> targets) {
        Rule {
            targets = targets == null ? new ArrayList<>() : new ArrayList<>(targets);
        }
    }
}
