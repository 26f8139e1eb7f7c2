package dev.scangate.infra.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import static dev.scangate.infra.config.ContextKeys.*;

/**
 * Turns raw CDK context into a {@link ScanGateConfig}. Values arrive as JSON types from
 * {@code cdk.json} or as strings from {@code -c key=value}; both are accepted. Every problem is
 * collected so a single synth reports all of them.
 */
public final class ConfigReader {

    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
    private static final Pattern CRON = Pattern.compile("cron\\(([^()]+)\\)");
    private static final Pattern CRON_FIELD = Pattern.compile("[0-9A-Za-z*?,/#-]+");
    private static final Pattern BUCKET_PREFIX = Pattern.compile("[a-z0-9][a-z0-9-]{1,47}[a-z0-9]");
    private static final Pattern EVENT_BUS = Pattern.compile("[A-Za-z0-9._/-]{1,256}");
    private static final Pattern KEY_PREFIX = Pattern.compile("[A-Za-z0-9!_.*'()-]+(?:/[A-Za-z0-9!_.*'()-]+)*");
    private static final Pattern IDENTIFIER_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Set<String> SEVERITIES = Set.of("LOW", "MEDIUM", "HIGH");
    private static final Set<String> SELECTORS = Set.of("ALL", "EXCLUDE", "INCLUDE", "NONE", "RECOMMENDED");
    private static final Set<Integer> RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365,
            400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);
    private static final int MAX_CUSTOM_IDENTIFIERS_PER_JOB = 30;
    private static final int MAX_ALLOW_LISTS_PER_JOB = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ContextSource context;
    private final List<String> problems = new ArrayList<>();

    private ConfigReader(ContextSource context) {
        this.context = context;
    }

    /** Reads and validates; throws {@link InvalidContextException} naming every bad key. */
    public static ScanGateConfig read(ContextSource context) {
        return new ConfigReader(context).read();
    }

    private ScanGateConfig read() {
        String schedule = schedule();
        String severity = oneOf(SEVERITY_THRESHOLD, DEFAULT_SEVERITY_THRESHOLD, SEVERITIES);
        String selector = oneOf(MANAGED_IDENTIFIER_SELECTOR, DEFAULT_MANAGED_IDENTIFIER_SELECTOR, SELECTORS);
        List<String> managedIds = ids(MANAGED_IDENTIFIER_IDS);
        List<CustomIdentifierSpec> customIdentifiers = customIdentifiers();
        List<String> customIds = ids(CUSTOM_DATA_IDENTIFIER_IDS);
        List<AllowListSpec> allowLists = allowLists();
        List<String> allowListIds = ids(ALLOW_LIST_IDS);
        checkIdentifierSelection(selector, managedIds, customIdentifiers.size() + customIds.size());
        if (customIdentifiers.size() + customIds.size() > MAX_CUSTOM_IDENTIFIERS_PER_JOB) {
            problems.add(CUSTOM_DATA_IDENTIFIERS + " + " + CUSTOM_DATA_IDENTIFIER_IDS + ": Macie allows at most "
                    + MAX_CUSTOM_IDENTIFIERS_PER_JOB + " custom data identifiers per job");
        }
        if (allowLists.size() + allowListIds.size() > MAX_ALLOW_LISTS_PER_JOB) {
            problems.add(ALLOW_LISTS + " + " + ALLOW_LIST_IDS + ": Macie allows at most "
                    + MAX_ALLOW_LISTS_PER_JOB + " allow lists per job");
        }
        boolean session = bool(ENABLE_MACIE_SESSION, false);
        boolean configureResults = bool(CONFIGURE_MACIE_RESULTS, false);
        String resultsPrefix = string(MACIE_RESULTS_PREFIX, DEFAULT_MACIE_RESULTS_PREFIX);
        if (resultsPrefix != null && (resultsPrefix.length() > 512 || !KEY_PREFIX.matcher(resultsPrefix).matches())) {
            problems.add(MACIE_RESULTS_PREFIX + ": '" + resultsPrefix
                    + "' is not a key prefix (letters, digits, !_.*'()- separated by single '/', no leading or trailing '/')");
        }
        boolean requireResults = bool(REQUIRE_DISCOVERY_RESULTS, true);
        int approvalTimeout = (int) number(APPROVAL_TIMEOUT_SECONDS, DEFAULT_APPROVAL_TIMEOUT_SECONDS, 60, 31_536_000);
        List<String> approvers = emails(APPROVER_EMAIL);
        List<String> alarmEmails = emails(ALARM_EMAIL);
        BucketNames buckets = bucketNames();
        int noncurrentDays = (int) number(NONCURRENT_VERSION_EXPIRATION_DAYS,
                DEFAULT_NONCURRENT_VERSION_EXPIRATION_DAYS, 1, 3650);
        int manualReviewDays = (int) number(MANUAL_REVIEW_EXPIRATION_DAYS, DEFAULT_MANUAL_REVIEW_EXPIRATION_DAYS, 1, 3650);
        if ((long) manualReviewDays * 86_400 <= approvalTimeout) {
            problems.add(MANUAL_REVIEW_EXPIRATION_DAYS + ": " + manualReviewDays + " day(s) is not longer than "
                    + APPROVAL_TIMEOUT_SECONDS + " (" + approvalTimeout
                    + " s); held objects would expire before anyone could decide");
        }
        int first = (int) number(BACKOFF_FIRST_SECONDS, DEFAULT_BACKOFF_FIRST_SECONDS, 1, 86_400);
        double factor = decimal(BACKOFF_FACTOR, DEFAULT_BACKOFF_FACTOR, 1, 10);
        int cap = (int) number(BACKOFF_CAP_SECONDS, DEFAULT_BACKOFF_CAP_SECONDS, 1, 86_400);
        if (cap < first) {
            problems.add(BACKOFF_CAP_SECONDS + ": " + cap + " is smaller than " + BACKOFF_FIRST_SECONDS + " (" + first + ")");
        }
        long maxObjects = number(MAX_OBJECTS_PER_RUN, DEFAULT_MAX_OBJECTS_PER_RUN, 1, 10_000_000);
        long maxBytes = number(MAX_BYTES_PER_RUN, DEFAULT_MAX_BYTES_PER_RUN, 1, Long.MAX_VALUE);
        String bus = string(EVENT_BUS_NAME, DEFAULT_EVENT_BUS_NAME);
        if (bus != null && (!EVENT_BUS.matcher(bus).matches() || bus.startsWith("aws."))) {
            problems.add(EVENT_BUS_NAME + ": '" + bus
                    + "' is not an event bus name (1-256 of A-Z a-z 0-9 . _ - /, not starting with 'aws.'); use 'default' for the default bus");
        }
        boolean logData = bool(LOG_EXECUTION_DATA, false);
        int retention = (int) number(LOG_RETENTION_DAYS, DEFAULT_LOG_RETENTION_DAYS, 1, 3653);
        if (!RETENTION_DAYS.contains(retention)) {
            problems.add(LOG_RETENTION_DAYS + ": " + retention + " is not a CloudWatch Logs retention; use one of "
                    + RETENTION_DAYS.stream().sorted().toList());
        }
        int rate = (int) number(API_RATE_LIMIT, DEFAULT_API_RATE_LIMIT, 1, 10_000);
        int burst = (int) number(API_BURST_LIMIT, DEFAULT_API_BURST_LIMIT, 1, 5_000);

        if (!problems.isEmpty()) {
            throw new InvalidContextException(problems);
        }
        return new ScanGateConfig(schedule, severity, selector, managedIds, customIdentifiers, customIds,
                allowLists, allowListIds, session, configureResults, resultsPrefix, requireResults,
                approvalTimeout, approvers, alarmEmails, buckets, noncurrentDays, manualReviewDays, first, factor,
                cap, maxObjects, maxBytes, bus, logData, retention, rate, burst);
    }

    private String schedule() {
        String value = string(SCHEDULE, DEFAULT_SCHEDULE);
        if (value == null) {
            return null;
        }
        var rate = RATE.matcher(value);
        if (rate.matches()) {
            long n;
            try {
                n = Long.parseLong(rate.group(1));
            } catch (NumberFormatException e) {
                n = 0;
            }
            boolean singular = !rate.group(2).endsWith("s");
            if (n < 1 || n > 100_000 || singular != (n == 1)) {
                problems.add(SCHEDULE + ": '" + value
                        + "' is not a valid rate: use a positive whole number with 'minute', 'hour' or 'day' for 1, plural otherwise, e.g. rate(6 hours)");
            }
            return value;
        }
        var cron = CRON.matcher(value);
        if (cron.matches()) {
            String[] fields = cron.group(1).trim().split(" +");
            boolean shapeOk = fields.length == 6 && Arrays.stream(fields).allMatch(f -> CRON_FIELD.matcher(f).matches());
            boolean questionMark = shapeOk && ("?".equals(fields[2]) ^ "?".equals(fields[4]));
            if (!shapeOk || !questionMark) {
                problems.add(SCHEDULE + ": '" + value
                        + "' is not a valid EventBridge cron: it needs 6 fields (minutes hours day-of-month month day-of-week year) and exactly one of day-of-month or day-of-week must be '?', e.g. cron(0 */6 * * ? *)");
            }
            return value;
        }
        problems.add(SCHEDULE + ": '" + value + "' is not a schedule expression; use rate(6 hours) or cron(0 */6 * * ? *)");
        return value;
    }

    private void checkIdentifierSelection(String selector, List<String> managedIds, int customCount) {
        if (selector == null) {
            return;
        }
        boolean needsIds = selector.equals("INCLUDE") || selector.equals("EXCLUDE");
        if (needsIds && managedIds.isEmpty()) {
            problems.add(MANAGED_IDENTIFIER_IDS + ": " + MANAGED_IDENTIFIER_SELECTOR + "=" + selector
                    + " needs at least one managed identifier id, e.g. CREDIT_CARD_NUMBER,AWS_CREDENTIALS");
        }
        if (!needsIds && !managedIds.isEmpty()) {
            problems.add(MANAGED_IDENTIFIER_IDS + ": only allowed with " + MANAGED_IDENTIFIER_SELECTOR
                    + "=INCLUDE or EXCLUDE, not " + selector);
        }
        if (selector.equals("NONE") && customCount == 0) {
            problems.add(MANAGED_IDENTIFIER_SELECTOR + ": NONE needs at least one custom data identifier ("
                    + CUSTOM_DATA_IDENTIFIERS + " or " + CUSTOM_DATA_IDENTIFIER_IDS + "), or Macie would look for nothing");
        }
    }

    private BucketNames bucketNames() {
        String prefix = string(BUCKET_NAME_PREFIX, null);
        if (prefix == null) {
            return BucketNames.generated();
        }
        if (!BUCKET_PREFIX.matcher(prefix).matches() || prefix.contains("--") || prefix.startsWith("xn--")) {
            problems.add(BUCKET_NAME_PREFIX + ": '" + prefix
                    + "' cannot prefix S3 bucket names: use 3-49 lowercase letters, digits and single hyphens, starting and ending with a letter or digit");
        }
        return BucketNames.withPrefix(prefix);
    }

    private List<CustomIdentifierSpec> customIdentifiers() {
        List<CustomIdentifierSpec> out = new ArrayList<>();
        List<Map<?, ?>> items = objects(CUSTOM_DATA_IDENTIFIERS);
        for (int i = 0; i < items.size(); i++) {
            Map<?, ?> item = items.get(i);
            String where = CUSTOM_DATA_IDENTIFIERS + "[" + i + "]";
            String name = requiredText(item, "name", where, 128);
            String regex = requiredText(item, "regex", where, 512);
            checkRegex(regex, where);
            List<String> keywords = new ArrayList<>();
            Object rawKeywords = item.get("keywords");
            if (rawKeywords instanceof List<?> list) {
                for (Object k : list) {
                    String keyword = String.valueOf(k);
                    if (keyword.length() < 3 || keyword.length() > 90) {
                        problems.add(where + ".keywords: '" + keyword + "' must be 3-90 characters");
                    }
                    keywords.add(keyword);
                }
            } else if (rawKeywords != null) {
                problems.add(where + ".keywords: must be a list of strings");
            }
            if (keywords.size() > 50) {
                problems.add(where + ".keywords: at most 50 keywords");
            }
            int distance = 50;
            Object rawDistance = item.get("maximumMatchDistance");
            if (rawDistance != null) {
                Long parsed = parseWhole(rawDistance);
                if (parsed == null || parsed < 1 || parsed > 300) {
                    problems.add(where + ".maximumMatchDistance: '" + rawDistance + "' must be a whole number 1-300");
                } else {
                    distance = parsed.intValue();
                }
            }
            out.add(new CustomIdentifierSpec(name, regex, keywords, distance));
        }
        return out;
    }

    private List<AllowListSpec> allowLists() {
        List<AllowListSpec> out = new ArrayList<>();
        List<Map<?, ?>> items = objects(ALLOW_LISTS);
        for (int i = 0; i < items.size(); i++) {
            String where = ALLOW_LISTS + "[" + i + "]";
            String name = requiredText(items.get(i), "name", where, 128);
            String regex = requiredText(items.get(i), "regex", where, 512);
            checkRegex(regex, where);
            out.add(new AllowListSpec(name, regex));
        }
        return out;
    }

    private void checkRegex(String regex, String where) {
        if (regex == null) {
            return;
        }
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            problems.add(where + ".regex: not a regular expression: " + e.getDescription());
        }
    }

    private String requiredText(Map<?, ?> item, String field, String where, int maxLength) {
        Object value = item.get(field);
        if (!(value instanceof String text) || text.isBlank()) {
            problems.add(where + "." + field + ": required, a non-empty string");
            return null;
        }
        if (text.length() > maxLength) {
            problems.add(where + "." + field + ": at most " + maxLength + " characters");
        }
        return text;
    }

    private List<Map<?, ?>> objects(String key) {
        Object value = context.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof String text) {
            if (text.isBlank()) {
                return List.of();
            }
            try {
                value = JSON.readValue(text, Object.class);
            } catch (JsonProcessingException e) {
                problems.add(key + ": not valid JSON (" + e.getOriginalMessage() + ")");
                return List.of();
            }
        }
        if (!(value instanceof List<?> list)) {
            problems.add(key + ": must be a JSON list of objects");
            return List.of();
        }
        List<Map<?, ?>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof Map<?, ?> map) {
                out.add(map);
            } else {
                problems.add(key + "[" + i + "]: must be an object");
            }
        }
        return out;
    }

    private List<String> ids(String key) {
        List<String> out = new ArrayList<>();
        for (String id : list(key)) {
            if (!IDENTIFIER_ID.matcher(id).matches()) {
                problems.add(key + ": '" + id + "' is not an identifier id (letters, digits, '_' or '-')");
            }
            out.add(id);
        }
        return out;
    }

    private List<String> emails(String key) {
        List<String> out = new ArrayList<>();
        for (String email : list(key)) {
            if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
                problems.add(key + ": '" + email + "' is not an email address (expected name@example.com; separate several with commas)");
            }
            out.add(email);
        }
        return out;
    }

    private List<String> list(String key) {
        Object value = context.get(key);
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (value instanceof List<?> items) {
            items.forEach(item -> out.add(String.valueOf(item).trim()));
        } else {
            for (String part : String.valueOf(value).split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    private String oneOf(String key, String fallback, Set<String> allowed) {
        String value = string(key, fallback);
        if (value == null) {
            return null;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (!allowed.contains(upper)) {
            problems.add(key + ": '" + value + "' is not one of " + allowed.stream().sorted().toList());
            return null;
        }
        return upper;
    }

    private String string(String key, String fallback) {
        Object value = context.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            problems.add(key + ": must be a string, not " + value);
            return fallback;
        }
        String text = String.valueOf(value).trim();
        if (text.isEmpty()) {
            problems.add(key + ": must not be empty (leave it out to use the default)");
            return fallback;
        }
        return text;
    }

    private boolean bool(String key, boolean fallback) {
        Object value = context.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        problems.add(key + ": '" + value + "' is not true or false");
        return fallback;
    }

    private long number(String key, long fallback, long min, long max) {
        Object value = context.get(key);
        if (value == null) {
            return fallback;
        }
        Long parsed = parseWhole(value);
        if (parsed == null || parsed < min || parsed > max) {
            problems.add(key + ": '" + value + "' must be a whole number from " + min + " to " + max);
            return fallback;
        }
        return parsed;
    }

    private double decimal(String key, double fallback, double min, double max) {
        Object value = context.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            double parsed = new BigDecimal(String.valueOf(value).trim()).doubleValue();
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        problems.add(key + ": '" + value + "' must be a number from " + min + " to " + max);
        return fallback;
    }

    private static Long parseWhole(Object value) {
        try {
            BigDecimal d = new BigDecimal(String.valueOf(value).trim());
            return d.stripTrailingZeros().scale() <= 0 ? d.longValueExact() : null;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
