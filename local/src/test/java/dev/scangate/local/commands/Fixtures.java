package dev.scangate.local.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Step Functions response bodies for the stub. */
final class Fixtures {

    static final String SM = "arn:aws:states:us-east-1:000000000000:stateMachine:scangate-pipeline";
    static final double START = 1774260000.0; // 2026-03-23T10:00:00Z

    private Fixtures() {
    }

    static String arn(String name) {
        return "arn:aws:states:us-east-1:000000000000:execution:scangate-pipeline:" + name;
    }

    static ObjectNode execution(String name, String status, String runId) {
        ObjectNode e = SfnStub.JSON.createObjectNode()
                .put("executionArn", arn(name))
                .put("stateMachineArn", SM)
                .put("name", name)
                .put("status", status)
                .put("startDate", START)
                .put("input", "{\"id\":\"" + runId + "\"}");
        if (!"RUNNING".equals(status)) {
            e.put("stopDate", START + 75);
        }
        return e;
    }

    static String list(ObjectNode... executions) {
        ObjectNode body = SfnStub.JSON.createObjectNode();
        ArrayNode rows = body.putArray("executions");
        for (ObjectNode e : executions) {
            ObjectNode row = e.deepCopy();
            row.remove("input");
            rows.add(row);
        }
        return body.toString();
    }

    /** History events oldest first; each entry is {type, stateName?, resource?}. */
    static String history(boolean newestFirst, String[]... events) {
        ObjectNode body = SfnStub.JSON.createObjectNode();
        ArrayNode out = body.putArray("events");
        for (int i = 0; i < events.length; i++) {
            int index = newestFirst ? events.length - 1 - i : i;
            String[] spec = events[index];
            ObjectNode e = out.addObject().put("id", index + 1).put("type", spec[0]).put("timestamp", START + index);
            if (spec[0].endsWith("StateEntered")) {
                e.putObject("stateEnteredEventDetails").put("name", spec[1]);
            } else if (spec[0].endsWith("StateExited")) {
                e.putObject("stateExitedEventDetails").put("name", spec[1]);
            } else if (spec[0].equals("TaskScheduled")) {
                String[] r = spec[1].split(":", 2);
                e.putObject("taskScheduledEventDetails").put("resourceType", r[0]).put("resource", r[1])
                        .put("region", "us-east-1").put("parameters", "{}");
            }
        }
        return body.toString();
    }

    static String[] ev(String... spec) {
        return spec;
    }
}
