package dev.scangate.lambdas.core.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The SendTaskSuccess output the state machine expects: {approvalId, decisions, approver, decidedAt}. */
public final class DecisionOutput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DecisionOutput() {
    }

    public static String json(String approvalId, Decision decision) {
        ObjectNode out = JSON.createObjectNode();
        out.put("approvalId", approvalId);
        ObjectNode decisions = out.putObject("decisions");
        decision.decisions().forEach((key, action) -> decisions.put(key, action.name()));
        out.put("approver", decision.approver());
        out.put("decidedAt", decision.decidedAt().toString());
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write decision output", e);
        }
    }
}
