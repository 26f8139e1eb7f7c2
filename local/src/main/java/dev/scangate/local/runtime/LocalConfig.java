package dev.scangate.local.runtime;

import dev.scangate.local.schedule.InvalidScheduleException;
import dev.scangate.local.schedule.ScheduleExpression;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * How the local runtime runs. Defaults, overridden by a properties file ({@link #fromFile}),
 * overridden by command-line flags. The file's keys are the component names below
 * ({@code dataDir}, {@code port}, {@code webPort}, {@code schedule}, ...); lists are comma
 * separated; {@code schedule=off} disables the scheduler. Unknown keys are an error, so a typo
 * never silently falls back to a default.
 *
 * @param schedule the EventBridge expression the scheduler runs, or null when it is off
 * @param smtp {@code host:port} to also send notification mail to, or null
 */
public record LocalConfig(
        Path dataDir,
        int port,
        int webPort,
        String schedule,
        String severityThreshold,
        String managedIdentifierSelector,
        List<String> managedIdentifierIds,
        List<String> customDataIdentifierIds,
        List<String> allowListIds,
        List<String> approvers,
        long approvalTimeoutSeconds,
        int backoffFirstSeconds,
        double backoffFactor,
        int backoffCapSeconds,
        String smtp) {

    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "000000000000";
    public static final String HOST = "127.0.0.1";

    private static final Set<String> SEVERITIES = Set.of("LOW", "MEDIUM", "HIGH");
    private static final Set<String> SELECTORS = Set.of("ALL", "RECOMMENDED", "INCLUDE", "EXCLUDE", "NONE");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,]+@[^@\\s,]+");
    private static final Pattern HOST_PORT = Pattern.compile("[^:\\s]+:\\d{1,5}");
    private static final Set<String> KEYS = new TreeSet<>(Arrays.stream(LocalConfig.class.getRecordComponents())
            .map(c -> c.getName()).toList());

    public LocalConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        requirePort("port", port);
        requirePort("webPort", webPort);
        if (schedule != null) {
            try {
                ScheduleExpression.parse(schedule);
            } catch (InvalidScheduleException e) {
                throw new InvalidConfigException("schedule: " + e.getMessage());
            }
        }
        severityThreshold = oneOf("severityThreshold", severityThreshold, SEVERITIES);
        managedIdentifierSelector = oneOf("managedIdentifierSelector", managedIdentifierSelector, SELECTORS);
        managedIdentifierIds = List.copyOf(managedIdentifierIds);
        customDataIdentifierIds = List.copyOf(customDataIdentifierIds);
        allowListIds = List.copyOf(allowListIds);
        approvers = List.copyOf(approvers);
        if (approvers.isEmpty()) {
            throw new InvalidConfigException("approvers: at least one approver email address is needed");
        }
        approvers.stream().filter(a -> !EMAIL.matcher(a).matches()).findFirst().ifPresent(a -> {
            throw new InvalidConfigException("approvers: '" + a + "' is not an email address");
        });
        if (approvalTimeoutSeconds < 1) {
            throw new InvalidConfigException("approvalTimeoutSeconds: must be at least 1, got " + approvalTimeoutSeconds);
        }
        if (backoffFirstSeconds < 1 || backoffCapSeconds < backoffFirstSeconds) {
            throw new InvalidConfigException("backoffFirstSeconds/backoffCapSeconds: need 1 <= first <= cap, got "
                    + backoffFirstSeconds + "/" + backoffCapSeconds);
        }
        if (!(backoffFactor >= 1.0) || Double.isInfinite(backoffFactor)) {
            throw new InvalidConfigException("backoffFactor: must be a number of at least 1, got " + backoffFactor);
        }
        if (smtp != null && !HOST_PORT.matcher(smtp).matches()) {
            throw new InvalidConfigException("smtp: expected host:port, got '" + smtp + "'");
        }
    }

    public static LocalConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The schedule, parsed; empty when the scheduler is off. */
    public Optional<ScheduleExpression> scheduleExpression() {
        return Optional.ofNullable(schedule).map(ScheduleExpression::parse);
    }

    /** Reads a properties file over the defaults; flags are applied to the returned builder. */
    public static Builder fromFile(Path file) {
        var properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            throw new InvalidConfigException("config file " + file + " does not exist");
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidConfigException("config file " + file + " cannot be read: " + e.getMessage(), e);
        }
        var builder = builder();
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key).trim();
            String where = "config file " + file + ", key " + key;
            switch (key) {
                case "dataDir" -> builder.dataDir(Path.of(value));
                case "port" -> builder.port(integer(where, value));
                case "webPort" -> builder.webPort(integer(where, value));
                case "schedule" -> builder.schedule(value);
                case "severityThreshold" -> builder.severityThreshold(value);
                case "managedIdentifierSelector" -> builder.managedIdentifierSelector(value);
                case "managedIdentifierIds" -> builder.managedIdentifierIds(list(value));
                case "customDataIdentifierIds" -> builder.customDataIdentifierIds(list(value));
                case "allowListIds" -> builder.allowListIds(list(value));
                case "approvers" -> builder.approvers(list(value));
                case "approvalTimeoutSeconds" -> builder.approvalTimeoutSeconds(integer(where, value));
                case "backoffFirstSeconds" -> builder.backoffFirstSeconds(integer(where, value));
                case "backoffFactor" -> builder.backoffFactor(decimal(where, value));
                case "backoffCapSeconds" -> builder.backoffCapSeconds(integer(where, value));
                case "smtp" -> builder.smtp(value.isEmpty() ? null : value);
                default -> throw new InvalidConfigException(where + " is not a setting; known keys: " + String.join(", ", KEYS));
            }
        }
        return builder;
    }

    /** Comma-separated list, blanks dropped. */
    public static List<String> list(String value) {
        return value == null ? List.of()
                : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static int integer(String where, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidConfigException(where + ": '" + value + "' is not a whole number");
        }
    }

    private static double decimal(String where, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new InvalidConfigException(where + ": '" + value + "' is not a number");
        }
    }

    private static void requirePort(String name, int port) {
        if (port < 0 || port > 65535) {
            throw new InvalidConfigException(name + ": " + port + " is not a port (0-65535; 0 picks a free one)");
        }
    }

    private static String oneOf(String name, String value, Set<String> allowed) {
        String normalised = Objects.requireNonNull(value, name).trim().toUpperCase(Locale.ROOT);
        if (!allowed.contains(normalised)) {
            throw new InvalidConfigException(name + ": '" + value + "' is not one of " + String.join(", ", new TreeSet<>(allowed)));
        }
        return normalised;
    }

    public static final class Builder {
        private Path dataDir = Path.of(".scangate");
        private int port = 4566;
        private int webPort = 8080;
        private String schedule = "rate(6 hours)";
        private String severityThreshold = "MEDIUM";
        private String managedIdentifierSelector = "ALL";
        private List<String> managedIdentifierIds = List.of();
        private List<String> customDataIdentifierIds = List.of();
        private List<String> allowListIds = List.of();
        private List<String> approvers = List.of("approver@example.com");
        private long approvalTimeoutSeconds = 432_000;
        // the local Macie finishes in seconds: poll soon and often, unlike the stack's defaults
        private int backoffFirstSeconds = 2;
        private double backoffFactor = 2.0;
        private int backoffCapSeconds = 60;
        private String smtp;

        private Builder() {
        }

        private Builder(LocalConfig c) {
            dataDir = c.dataDir;
            port = c.port;
            webPort = c.webPort;
            schedule = c.schedule;
            severityThreshold = c.severityThreshold;
            managedIdentifierSelector = c.managedIdentifierSelector;
            managedIdentifierIds = c.managedIdentifierIds;
            customDataIdentifierIds = c.customDataIdentifierIds;
            allowListIds = c.allowListIds;
            approvers = c.approvers;
            approvalTimeoutSeconds = c.approvalTimeoutSeconds;
            backoffFirstSeconds = c.backoffFirstSeconds;
            backoffFactor = c.backoffFactor;
            backoffCapSeconds = c.backoffCapSeconds;
            smtp = c.smtp;
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder webPort(int webPort) {
            this.webPort = webPort;
            return this;
        }

        /** An EventBridge schedule expression; {@code off}, {@code none} or null turns the scheduler off. */
        public Builder schedule(String schedule) {
            this.schedule = schedule == null || schedule.isBlank() || schedule.equalsIgnoreCase("off")
                    || schedule.equalsIgnoreCase("none") ? null : schedule.trim();
            return this;
        }

        public Builder severityThreshold(String severityThreshold) {
            this.severityThreshold = severityThreshold;
            return this;
        }

        public Builder managedIdentifierSelector(String managedIdentifierSelector) {
            this.managedIdentifierSelector = managedIdentifierSelector;
            return this;
        }

        public Builder managedIdentifierIds(List<String> managedIdentifierIds) {
            this.managedIdentifierIds = managedIdentifierIds;
            return this;
        }

        public Builder customDataIdentifierIds(List<String> customDataIdentifierIds) {
            this.customDataIdentifierIds = customDataIdentifierIds;
            return this;
        }

        public Builder allowListIds(List<String> allowListIds) {
            this.allowListIds = allowListIds;
            return this;
        }

        public Builder approvers(List<String> approvers) {
            this.approvers = approvers;
            return this;
        }

        public Builder approvalTimeoutSeconds(long approvalTimeoutSeconds) {
            this.approvalTimeoutSeconds = approvalTimeoutSeconds;
            return this;
        }

        public Builder backoffFirstSeconds(int backoffFirstSeconds) {
            this.backoffFirstSeconds = backoffFirstSeconds;
            return this;
        }

        public Builder backoffFactor(double backoffFactor) {
            this.backoffFactor = backoffFactor;
            return this;
        }

        public Builder backoffCapSeconds(int backoffCapSeconds) {
            this.backoffCapSeconds = backoffCapSeconds;
            return this;
        }

        public Builder smtp(String smtp) {
            this.smtp = smtp;
            return this;
        }

        public LocalConfig build() {
            return new LocalConfig(dataDir, port, webPort, schedule, severityThreshold, managedIdentifierSelector,
                    managedIdentifierIds, customDataIdentifierIds, allowListIds, approvers, approvalTimeoutSeconds,
                    backoffFirstSeconds, backoffFactor, backoffCapSeconds, smtp);
        }
    }
}
