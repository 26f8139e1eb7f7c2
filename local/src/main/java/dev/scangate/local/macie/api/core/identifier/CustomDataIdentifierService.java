package dev.scangate.local.macie.api.core.identifier;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scangate.local.macie.api.core.Fields;
import dev.scangate.local.macie.api.core.MacieAccount;
import dev.scangate.local.macie.api.core.MacieException;
import dev.scangate.local.macie.api.core.MacieState;
import dev.scangate.local.macie.api.core.Paging;
import dev.scangate.local.macie.scanner.ScanSettings;
import dev.scangate.local.macie.scanner.SensitiveDataScanner;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Create/Get/Delete/BatchGet/List/Test for custom data identifiers, with Macie's limits. */
public final class CustomDataIdentifierService {

    private static final List<String> SEVERITIES = List.of("LOW", "MEDIUM", "HIGH");

    private final MacieState state;
    private final MacieAccount account;
    private final Clock clock;
    private final SensitiveDataScanner scanner;

    public CustomDataIdentifierService(MacieState state, MacieAccount account, Clock clock,
            SensitiveDataScanner scanner) {
        this.state = state;
        this.account = account;
        this.clock = clock;
        this.scanner = scanner;
    }

    /** The parts of a definition that TestCustomDataIdentifier and Create share. */
    private record Definition(String regex, List<String> keywords, List<String> ignoreWords, int maximumMatchDistance) { }

    public String create(JsonNode request) {
        var name = Fields.text(request, "name", "name", true, 128);
        var description = Fields.text(request, "description", "description", false, 512);
        var definition = definition(request);
        var levels = severityLevels(request);
        var tags = Fields.tags(request, "tags");
        var clientToken = Fields.text(request, "clientToken", "clientToken", false, 512);
        synchronized (state) {
            if (clientToken != null) {
                var existing = state.customDataIdentifiers().stream()
                        .filter(c -> clientToken.equals(c.clientToken())).findFirst();
                if (existing.isPresent()) {
                    return existing.get().id();
                }
            }
            var id = UUID.randomUUID().toString();
            state.putCustomDataIdentifier(new CustomDataIdentifier(id, account.arn("custom-data-identifier/" + id),
                    clientToken, name, description, definition.regex(), definition.keywords(),
                    definition.ignoreWords(), definition.maximumMatchDistance(), levels, tags, clock.instant(), false));
            return id;
        }
    }

    public CustomDataIdentifier get(String id) {
        return state.customDataIdentifier(id).orElseThrow(() -> MacieException.notFound(
                "The custom data identifier " + id + " doesn't exist."));
    }

    public void delete(String id) {
        synchronized (state) {
            var existing = get(id);
            if (existing.deleted()) {
                throw MacieException.notFound("The custom data identifier " + id + " doesn't exist.");
            }
            state.putCustomDataIdentifier(existing.asDeleted());
        }
    }

    /** Found identifiers (deleted ones included, flagged) and the ids that were not found. */
    public record BatchResult(List<CustomDataIdentifier> found, List<String> notFound) { }

    public BatchResult batchGet(List<String> ids) {
        if (ids.size() > 50) {
            throw MacieException.validation("ids may hold at most 50 items, got " + ids.size());
        }
        var found = new ArrayList<CustomDataIdentifier>();
        var notFound = new ArrayList<String>();
        for (var id : ids) {
            state.customDataIdentifier(id).ifPresentOrElse(found::add, () -> notFound.add(id));
        }
        return new BatchResult(found, notFound);
    }

    public Paging.Page<CustomDataIdentifier> list(Integer maxResults, String nextToken) {
        var live = state.customDataIdentifiers().stream().filter(c -> !c.deleted()).toList();
        return Paging.page(live, maxResults, 500, nextToken);
    }

    /** Runs the scanner over {@code sampleText} with only this identifier and counts its matches. */
    public long test(JsonNode request) {
        var definition = definition(request);
        var sample = Fields.text(request, "sampleText", "sampleText", true, 1000);
        var identifier = new ScanSettings.CustomIdentifier("test", "test", definition.regex(), definition.keywords(),
                definition.ignoreWords(), definition.maximumMatchDistance(),
                List.of(new ScanSettings.SeverityLevel(1, "MEDIUM")));
        var settings = new ScanSettings(ScanSettings.ManagedSelector.NONE, null, List.of(identifier), null);
        var bytes = sample.getBytes(StandardCharsets.UTF_8);
        var result = scanner.scan("sample.txt", bytes.length, new ByteArrayInputStream(bytes), settings);
        return result.result().path("customDataIdentifiers").path("totalCount").asLong(0);
    }

    /** Live identifiers for a job; an unknown or deleted id is an error naming it. */
    public List<CustomDataIdentifier> resolve(List<String> ids) {
        var out = new ArrayList<CustomDataIdentifier>();
        for (var id : ids) {
            var identifier = state.customDataIdentifier(id).filter(c -> !c.deleted())
                    .orElseThrow(() -> MacieException.notFound("customDataIdentifierIds: the custom data identifier "
                            + id + " doesn't exist."));
            out.add(identifier);
        }
        return out;
    }

    private static Definition definition(JsonNode request) {
        var regex = Fields.text(request, "regex", "regex", true, 512);
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw MacieException.validation("regex is not a valid regular expression: " + e.getDescription());
        }
        var keywords = Fields.strings(request, "keywords", "keywords", 50);
        for (var keyword : keywords) {
            int length = keyword.getBytes(StandardCharsets.UTF_8).length;
            if (length < 3 || length > 90) {
                throw MacieException.validation("keywords: each keyword must be 3-90 characters, got '" + keyword + "'");
            }
        }
        var ignoreWords = Fields.strings(request, "ignoreWords", "ignoreWords", 10);
        for (var word : ignoreWords) {
            int length = word.getBytes(StandardCharsets.UTF_8).length;
            if (length < 4 || length > 90) {
                throw MacieException.validation("ignoreWords: each word must be 4-90 characters, got '" + word + "'");
            }
        }
        var distance = Fields.integer(request, "maximumMatchDistance", "maximumMatchDistance", 1, 300);
        return new Definition(regex, keywords, ignoreWords, distance == null ? 50 : distance);
    }

    private static List<ScanSettings.SeverityLevel> severityLevels(JsonNode request) {
        var node = request.get("severityLevels");
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > 3) {
            throw MacieException.validation("severityLevels must be a list of at most 3 levels");
        }
        var levels = new ArrayList<ScanSettings.SeverityLevel>();
        for (int i = 0; i < node.size(); i++) {
            var level = node.get(i);
            var path = "severityLevels[" + i + "]";
            if (!level.path("occurrencesThreshold").canConvertToLong() || level.path("occurrencesThreshold").asLong() < 1) {
                throw MacieException.validation(path + ".occurrencesThreshold must be a whole number of at least 1");
            }
            var severity = level.path("severity").asText("");
            if (!SEVERITIES.contains(severity)) {
                throw MacieException.validation(path + ".severity must be LOW, MEDIUM or HIGH, got '" + severity + "'");
            }
            levels.add(new ScanSettings.SeverityLevel(level.path("occurrencesThreshold").asLong(), severity));
        }
        levels.sort((a, b) -> Long.compare(a.occurrencesThreshold(), b.occurrencesThreshold()));
        for (int i = 1; i < levels.size(); i++) {
            var previous = levels.get(i - 1);
            var current = levels.get(i);
            if (previous.occurrencesThreshold() == current.occurrencesThreshold()
                    || SEVERITIES.indexOf(previous.severity()) >= SEVERITIES.indexOf(current.severity())) {
                throw MacieException.validation("severityLevels: each severity needs a distinct threshold and higher"
                        + " thresholds need higher severities (LOW < MEDIUM < HIGH)");
            }
        }
        return List.copyOf(levels);
    }
}
