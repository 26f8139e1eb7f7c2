package dev.scangate.local.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scangate.statemachine.engine.StatesError;
import dev.scangate.statemachine.engine.integration.Integrations;
import dev.scangate.statemachine.engine.integration.TaskRequest;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The optimised {@code sns:publish} and {@code events:putEvents} integrations, done with the
 * real SDK clients against the local edge. Parameters and results are PascalCase, and service
 * errors surface as {@code SNS.<Code>} / {@code EventBridge.<Code>}, as in Step Functions.
 */
final class ServiceIntegrations {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ServiceIntegrations() {
    }

    static Integrations.Builder registerOn(Integrations.Builder builder, SnsClient sns, EventBridgeClient events) {
        builder.register("sns:publish", request -> publish(sns, request));
        builder.register("events:putEvents", request -> putEvents(events, request));
        return builder;
    }

    private static JsonNode publish(SnsClient sns, TaskRequest request) {
        JsonNode args = request.arguments();
        String topicArn = requiredText(args, "TopicArn");
        JsonNode message = args.get("Message");
        if (message == null || message.isNull()) {
            throw StatesError.runtime("sns:publish needs Message");
        }
        String text = message.isTextual() ? message.asText() : message.toString();
        try {
            var response = sns.publish(b -> {
                b.topicArn(topicArn).message(text);
                if (args.hasNonNull("Subject")) {
                    b.subject(args.get("Subject").asText());
                }
            });
            ObjectNode result = JSON.createObjectNode();
            result.put("MessageId", response.messageId());
            return result;
        } catch (AwsServiceException e) {
            throw new StatesError("SNS." + e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage());
        } catch (SdkException e) {
            throw new StatesError("SNS.SdkClientException", e.getMessage());
        }
    }

    private static JsonNode putEvents(EventBridgeClient events, TaskRequest request) {
        JsonNode entries = request.arguments().get("Entries");
        if (entries == null || !entries.isArray() || entries.isEmpty()) {
            throw StatesError.runtime("events:putEvents needs a non-empty Entries array");
        }
        var sdkEntries = new java.util.ArrayList<PutEventsRequestEntry>();
        for (JsonNode e : entries) {
            JsonNode detail = e.get("Detail");
            sdkEntries.add(PutEventsRequestEntry.builder()
                    .source(text(e, "Source"))
                    .detailType(text(e, "DetailType"))
                    .detail(detail == null ? null : detail.isTextual() ? detail.asText() : detail.toString())
                    .eventBusName(text(e, "EventBusName"))
                    .build());
        }
        try {
            var response = events.putEvents(b -> b.entries(sdkEntries));
            ObjectNode result = JSON.createObjectNode();
            result.put("FailedEntryCount", response.failedEntryCount());
            var out = result.putArray("Entries");
            response.entries().forEach(r -> {
                ObjectNode n = out.addObject();
                if (r.eventId() != null) {
                    n.put("EventId", r.eventId());
                }
                if (r.errorCode() != null) {
                    n.put("ErrorCode", r.errorCode());
                    n.put("ErrorMessage", r.errorMessage());
                }
            });
            return result;
        } catch (AwsServiceException e) {
            throw new StatesError("EventBridge." + e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage());
        } catch (SdkException e) {
            throw new StatesError("EventBridge.SdkClientException", e.getMessage());
        }
    }

    private static String requiredText(JsonNode args, String field) {
        String value = text(args, field);
        if (value == null || value.isBlank()) {
            throw StatesError.runtime("missing required parameter " + field);
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
