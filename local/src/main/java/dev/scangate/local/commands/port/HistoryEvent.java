package dev.scangate.local.commands.port;

import java.time.Instant;

/**
 * One execution history event.
 *
 * @param stateName the state's name for {@code *StateEntered} / {@code *StateExited} events, else null
 * @param resource for {@code TaskScheduled}: {@code <resourceType>:<resource>}, e.g.
 *     {@code lambda:invoke.waitForTaskToken}; else null
 */
public record HistoryEvent(long id, String type, Instant timestamp, String stateName, String resource) { }
