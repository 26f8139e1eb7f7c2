package dev.scangate.local.macie.api.core;

import java.time.Clock;
import java.util.Set;

/** EnableMacie, GetMacieSession, UpdateMacieSession, DisableMacie, and the "is Macie on" gate. */
public final class SessionService {

    private static final Set<String> FREQUENCIES = Set.of("FIFTEEN_MINUTES", "ONE_HOUR", "SIX_HOURS");
    private static final Set<String> STATUSES = Set.of("ENABLED", "PAUSED");

    private final MacieState state;
    private final Clock clock;

    public SessionService(MacieState state, Clock clock, boolean autoEnable) {
        this.state = state;
        this.clock = clock;
        if (autoEnable && state.session().isEmpty()) {
            var now = clock.instant();
            state.session(new MacieSession("ENABLED", "FIFTEEN_MINUTES", now, now));
        }
    }

    public void enable(String status, String findingPublishingFrequency) {
        var frequency = frequency(findingPublishingFrequency);
        var newStatus = status(status);
        synchronized (state) {
            if (state.session().isPresent()) {
                throw MacieException.conflict("Macie is already enabled for this account.");
            }
            var now = clock.instant();
            state.session(new MacieSession(newStatus, frequency, now, now));
        }
    }

    public MacieSession get() {
        return requireEnabled();
    }

    public void update(String status, String findingPublishingFrequency) {
        synchronized (state) {
            var current = requireEnabled();
            var newStatus = status == null ? current.status() : status(status);
            var newFrequency = findingPublishingFrequency == null
                    ? current.findingPublishingFrequency() : frequency(findingPublishingFrequency);
            state.session(current.withStatus(newStatus, newFrequency, clock.instant()));
        }
    }

    public void disable() {
        synchronized (state) {
            requireEnabled();
            state.clear();
        }
    }

    /** Every other operation calls this first, as Macie refuses calls before it is enabled. */
    public MacieSession requireEnabled() {
        return state.session().orElseThrow(
                () -> new MacieException(MacieError.ACCESS_DENIED, "Macie is not enabled."));
    }

    private static String frequency(String value) {
        if (value == null) {
            return "FIFTEEN_MINUTES";
        }
        if (!FREQUENCIES.contains(value)) {
            throw MacieException.validation("findingPublishingFrequency must be one of " + FREQUENCIES + ", got '"
                    + value + "'");
        }
        return value;
    }

    private static String status(String value) {
        if (value == null) {
            return "ENABLED";
        }
        if (!STATUSES.contains(value)) {
            throw MacieException.validation("status must be ENABLED or PAUSED, got '" + value + "'");
        }
        return value;
    }
}
