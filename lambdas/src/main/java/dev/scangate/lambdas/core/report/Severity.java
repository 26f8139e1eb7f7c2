package dev.scangate.lambdas.core.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** Macie severity, in Macie's spelling (Low, Medium, High), ordered. */
public enum Severity {
    LOW("Low"), MEDIUM("Medium"), HIGH("High");

    private final String description;

    Severity(String description) {
        this.description = description;
    }

    @JsonValue
    public String description() {
        return description;
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /** Case-insensitive: {@code LOW}, {@code low}, {@code Low}. */
    @JsonCreator
    public static Severity parse(String text) {
        return find(text).orElseThrow(() -> new IllegalArgumentException("not a severity: " + text));
    }

    public static Optional<Severity> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
