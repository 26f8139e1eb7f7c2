package dev.scangate.lambdas.core.approval;

import java.util.Objects;

/** A message for approvers: one line of subject, a plain-text body with the review link. */
public record Notification(String subject, String body) {

    public Notification {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }
}
