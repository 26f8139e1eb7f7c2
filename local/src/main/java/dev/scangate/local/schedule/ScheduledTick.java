package dev.scangate.local.schedule;

import java.time.Instant;

/**
 * One firing of a schedule. {@code eventId} plays the part of the EventBridge event id, which the
 * pipeline uses as the run id.
 */
public record ScheduledTick(String eventId, Instant scheduledTime) { }
