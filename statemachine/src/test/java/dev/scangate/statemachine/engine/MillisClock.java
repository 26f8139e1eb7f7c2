package dev.scangate.statemachine.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC test clock defined by its {@link #millis()} alone. */
abstract class MillisClock extends Clock {

    @Override
    public final ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public final Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public final Instant instant() {
        return Instant.ofEpochMilli(millis());
    }
}
