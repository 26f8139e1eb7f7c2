package dev.scangate.local.macie.api.core;

import java.time.Instant;

/** The account's Macie session; absent until Macie is enabled. */
public record MacieSession(String status, String findingPublishingFrequency, Instant createdAt, Instant updatedAt) {

    public MacieSession withStatus(String newStatus, String newFrequency, Instant now) {
        return new MacieSession(newStatus, newFrequency, createdAt, now);
    }
}
