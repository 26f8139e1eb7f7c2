package dev.scangate.lambdas.core.config;

import dev.scangate.lambdas.core.StepInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed access to a step's environment; every problem names the variable. */
public final class Environment {

    private final Map<String, String> variables;

    private Environment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    public static Environment of(Map<String, String> variables) {
        return new Environment(variables);
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new StepInputException(name, "environment variable is required"));
    }

    public Optional<String> optional(String name) {
        var value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String string(String name, String defaultValue) {
        return optional(name).orElse(defaultValue);
    }

    public long positiveLong(String name, long defaultValue) {
        var value = optional(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            long parsed = Long.parseLong(value.get());
            if (parsed <= 0) {
                throw new StepInputException(name, "must be a positive whole number, got '" + value.get() + "'");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new StepInputException(name, "must be a positive whole number, got '" + value.get() + "'");
        }
    }

    public int positiveInt(String name, int defaultValue) {
        long value = positiveLong(name, defaultValue);
        if (value > Integer.MAX_VALUE) {
            throw new StepInputException(name, "must be at most " + Integer.MAX_VALUE + ", got " + value);
        }
        return (int) value;
    }

    public boolean bool(String name, boolean defaultValue) {
        var value = optional(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        return switch (value.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new StepInputException(name, "must be true or false, got '" + value.get() + "'");
        };
    }

    /** A comma-separated list; empty when unset. */
    public List<String> list(String name) {
        return optional(name).map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }
}
