package dev.scangate.lambdas.core.events;

/** Where run events go (EventBridge). Returns the event id. */
public interface RunEvents {

    String publish(String detailType, String detailJson);
}
