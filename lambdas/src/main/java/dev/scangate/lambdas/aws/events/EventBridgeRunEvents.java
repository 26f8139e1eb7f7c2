package dev.scangate.lambdas.aws.events;

import dev.scangate.lambdas.core.RetryableStepException;
import dev.scangate.lambdas.core.events.RunEvents;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/** {@link RunEvents} over EventBridge PutEvents, checking each entry (PutEvents fails per entry with HTTP 200). */
public final class EventBridgeRunEvents implements RunEvents {

    static final String SOURCE = "scangate";
    private static final Set<String> TRANSIENT = Set.of("ThrottlingException", "InternalException", "InternalFailure");

    private final EventBridgeClient events;
    private final String busName;

    public EventBridgeRunEvents(EventBridgeClient events, String busName) {
        this.events = events;
        this.busName = busName;
    }

    @Override
    public String publish(String detailType, String detailJson) {
        var entry = PutEventsRequestEntry.builder().eventBusName(busName).source(SOURCE)
                .detailType(detailType).detail(detailJson).build();
        try {
            var response = events.putEvents(b -> b.entries(entry));
            var result = response.entries().isEmpty() ? null : response.entries().get(0);
            if ((response.failedEntryCount() != null && response.failedEntryCount() > 0) || result == null
                    || result.errorCode() != null) {
                var code = result == null ? "NoEntry" : result.errorCode();
                var message = "EventBridge refused the " + detailType + " event on bus " + busName + ": " + code
                        + (result == null ? "" : " " + result.errorMessage());
                if (TRANSIENT.contains(code)) {
                    throw new RetryableStepException(message);
                }
                throw new EventPublishException(message);
            }
            return result.eventId();
        } catch (EventBridgeException e) {
            if (e.isThrottlingException() || e.statusCode() >= 500) {
                throw new RetryableStepException("EventBridge PutEvents failed transiently: " + e.getMessage(), e);
            }
            throw new EventPublishException("EventBridge PutEvents failed: " + e.getMessage(), e);
        } catch (SdkClientException e) {
            throw new RetryableStepException("EventBridge could not be reached: " + e.getMessage(), e);
        }
    }

    /** An event that was refused for a reason retrying will not fix. */
    public static final class EventPublishException extends RuntimeException {
        EventPublishException(String message) {
            super(message);
        }

        EventPublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
