package dev.scangate.local.macie.api.core.job;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scangate.local.macie.api.core.MacieException;
import dev.scangate.local.macie.api.core.ObjectStore;
import dev.scangate.local.macie.api.core.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A job's object scoping ({@code s3JobDefinition.scoping}): terms in {@code includes.and} must all
 * hold; an object whose {@code excludes.and} terms all hold is left out.
 */
public final class JobScope {

    private static final Set<String> ORDERED = Set.of("EQ", "GT", "GTE", "LT", "LTE", "NE");

    private final List<Term> includes;
    private final List<Term> excludes;

    private JobScope(List<Term> includes, List<Term> excludes) {
        this.includes = includes;
        this.excludes = excludes;
    }

    /** A parsed scope term; {@code tagValues} only for tag terms. */
    private record Term(String key, String comparator, List<String> values, List<ObjectStore.Tag> tagValues) {

        boolean isTag() {
            return "TAG".equals(key);
        }
    }

    public static JobScope parse(JsonNode scoping) {
        if (scoping == null || scoping.isNull()) {
            return new JobScope(List.of(), List.of());
        }
        return new JobScope(block(scoping.get("includes"), "s3JobDefinition.scoping.includes"),
                block(scoping.get("excludes"), "s3JobDefinition.scoping.excludes"));
    }

    private static List<Term> block(JsonNode block, String path) {
        if (block == null || block.isNull()) {
            return List.of();
        }
        var and = block.get("and");
        if (and == null || !and.isArray()) {
            throw MacieException.validation(path + ".and must be a list of scope terms");
        }
        var terms = new ArrayList<Term>();
        for (int i = 0; i < and.size(); i++) {
            var termPath = path + ".and[" + i + "]";
            var node = and.get(i);
            if (node.hasNonNull("simpleScopeTerm")) {
                terms.add(simple(node.get("simpleScopeTerm"), termPath + ".simpleScopeTerm"));
            } else if (node.hasNonNull("tagScopeTerm")) {
                terms.add(tag(node.get("tagScopeTerm"), termPath + ".tagScopeTerm"));
            } else {
                throw MacieException.validation(termPath + " needs a simpleScopeTerm or a tagScopeTerm");
            }
        }
        return List.copyOf(terms);
    }

    private static Term simple(JsonNode node, String path) {
        var key = node.path("key").asText(null);
        var comparator = node.path("comparator").asText("EQ");
        var values = new ArrayList<String>();
        node.path("values").forEach(v -> values.add(v.asText()));
        if (values.isEmpty()) {
            throw MacieException.validation(path + ".values must hold at least one value");
        }
        if (key == null) {
            throw MacieException.validation(path + ".key is required");
        }
        switch (key) {
            case "OBJECT_KEY" -> require(comparator.equals("STARTS_WITH"), path,
                    "OBJECT_KEY supports only the STARTS_WITH comparator, got " + comparator);
            case "OBJECT_EXTENSION" -> require(comparator.equals("EQ") || comparator.equals("NE"), path,
                    "OBJECT_EXTENSION supports only EQ and NE, got " + comparator);
            case "OBJECT_SIZE" -> {
                require(ORDERED.contains(comparator), path, "OBJECT_SIZE supports " + ORDERED + ", got " + comparator);
                require(values.size() == 1, path, "OBJECT_SIZE takes exactly one value");
                try {
                    Long.parseLong(values.get(0));
                } catch (NumberFormatException e) {
                    throw MacieException.validation(path + ".values: OBJECT_SIZE must be a whole number of bytes, got '"
                            + values.get(0) + "'");
                }
            }
            case "OBJECT_LAST_MODIFIED_DATE" -> {
                require(ORDERED.contains(comparator), path,
                        "OBJECT_LAST_MODIFIED_DATE supports " + ORDERED + ", got " + comparator);
                require(values.size() == 1, path, "OBJECT_LAST_MODIFIED_DATE takes exactly one value");
                Timestamps.parse(values.get(0), path + ".values");
            }
            default -> throw MacieException.validation(path + ".key must be OBJECT_EXTENSION, OBJECT_LAST_MODIFIED_DATE,"
                    + " OBJECT_SIZE or OBJECT_KEY, got " + key);
        }
        return new Term(key, comparator, List.copyOf(values), List.of());
    }

    private static Term tag(JsonNode node, String path) {
        var comparator = node.path("comparator").asText("EQ");
        require(comparator.equals("EQ") || comparator.equals("NE"), path,
                "tag terms support only EQ and NE, got " + comparator);
        require("TAG".equals(node.path("key").asText("TAG")), path, "key must be TAG");
        var target = node.path("target").asText("S3_OBJECT");
        require(target.equals("S3_OBJECT"), path, "target must be S3_OBJECT, got " + target);
        var tags = new ArrayList<ObjectStore.Tag>();
        node.path("tagValues").forEach(t -> tags.add(new ObjectStore.Tag(t.path("key").asText(), t.path("value").asText(""))));
        require(!tags.isEmpty(), path, "tagValues must hold at least one key/value pair");
        return new Term("TAG", comparator, List.of(), List.copyOf(tags));
    }

    private static void require(boolean condition, String path, String message) {
        if (!condition) {
            throw MacieException.validation(path + ": " + message);
        }
    }

    /** Key prefixes worth listing: the include block's OBJECT_KEY values, or everything. */
    public List<String> listingPrefixes() {
        return includes.stream().filter(t -> t.key().equals("OBJECT_KEY")).findFirst()
                .map(Term::values).orElse(List.of(""));
    }

    public boolean matches(ObjectStore.ObjectSummary object, Supplier<List<ObjectStore.Tag>> tags) {
        var cachedTags = new Supplier<List<ObjectStore.Tag>>() {
            private List<ObjectStore.Tag> value;

            @Override
            public List<ObjectStore.Tag> get() {
                if (value == null) {
                    value = tags.get();
                }
                return value;
            }
        };
        for (var term : includes) {
            if (!holds(term, object, cachedTags)) {
                return false;
            }
        }
        if (excludes.isEmpty()) {
            return true;
        }
        for (var term : excludes) {
            if (!holds(term, object, cachedTags)) {
                return true;
            }
        }
        return false;
    }

    private static boolean holds(Term term, ObjectStore.ObjectSummary object, Supplier<List<ObjectStore.Tag>> tags) {
        return switch (term.key()) {
            case "OBJECT_KEY" -> term.values().stream().anyMatch(object.key()::startsWith);
            case "OBJECT_EXTENSION" -> term.values().contains(extension(object.key())) == term.comparator().equals("EQ");
            case "OBJECT_SIZE" -> compare(Long.compare(object.size(), Long.parseLong(term.values().get(0))),
                    term.comparator());
            case "OBJECT_LAST_MODIFIED_DATE" -> compare(object.lastModified()
                    .compareTo(Instant.parse(term.values().get(0))), term.comparator());
            case "TAG" -> {
                boolean any = term.tagValues().stream().anyMatch(wanted -> tags.get().stream()
                        .anyMatch(t -> t.key().equals(wanted.key())
                                && (wanted.value().isEmpty() || t.value().equals(wanted.value()))));
                yield term.comparator().equals("EQ") == any;
            }
            default -> false;
        };
    }

    private static boolean compare(int cmp, String comparator) {
        return switch (comparator) {
            case "EQ" -> cmp == 0;
            case "NE" -> cmp != 0;
            case "GT" -> cmp > 0;
            case "GTE" -> cmp >= 0;
            case "LT" -> cmp < 0;
            case "LTE" -> cmp <= 0;
            default -> false;
        };
    }

    /** The extension without the dot, "" when the file name has none (as in Macie findings). */
    public static String extension(String key) {
        var name = key.substring(key.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1);
    }
}
