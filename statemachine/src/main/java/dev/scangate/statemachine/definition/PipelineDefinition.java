package dev.scangate.statemachine.definition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pipeline's ASL text and its {@code ${Placeholder}} substitution. The same file is what CDK
 * deploys (through definition substitutions) and what the local engine runs.
 */
public final class PipelineDefinition {

    /** Classpath location of the one definition file. */
    public static final String RESOURCE = "/dev/scangate/statemachine/pipeline.asl.json";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");

    private final String text;

    private PipelineDefinition(String text) {
        this.text = Objects.requireNonNull(text, "text");
    }

    /** The pipeline definition shipped in this module. */
    public static PipelineDefinition load() {
        try (InputStream in = PipelineDefinition.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("state machine definition missing from the classpath: " + RESOURCE);
            }
            return new PipelineDefinition(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** A definition from any ASL text (tests, tools). */
    public static PipelineDefinition of(String text) {
        return new PipelineDefinition(text);
    }

    /** The raw text, placeholders included. */
    public String text() {
        return text;
    }

    /**
     * Problems of the definition as ASL, each with its JSON-pointer location; empty when valid.
     * Placeholders sit inside strings, so the unsubstituted text validates too.
     */
    public java.util.List<AslProblem> validate() {
        return AslValidator.validate(text);
    }

    /** Every placeholder name the text uses, sorted. */
    public SortedSet<String> placeholders() {
        SortedSet<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * The text with every placeholder replaced. Values are inserted as they are, exactly like
     * CloudFormation definition substitutions; a missing or unknown name is an error that names it.
     */
    public String substitute(Map<String, String> values) {
        Objects.requireNonNull(values, "values");
        SortedSet<String> missing = new TreeSet<>(placeholders());
        missing.removeAll(values.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no value for placeholder(s) " + missing);
        }
        SortedSet<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(placeholders());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("definition has no placeholder(s) " + unknown);
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value.contains("\"") || value.contains("\\") || value.contains("'")) {
                throw new IllegalArgumentException("value for placeholder " + m.group(1)
                        + " must not contain quotes or backslashes: " + value);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
