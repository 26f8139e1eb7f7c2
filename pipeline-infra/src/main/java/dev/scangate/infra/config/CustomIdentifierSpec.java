package dev.scangate.infra.config;

import java.util.List;

/** A Macie custom data identifier the stack creates. */
public record CustomIdentifierSpec(String name, String regex, List<String> keywords, int maximumMatchDistance) {

    public CustomIdentifierSpec {
        keywords = List.copyOf(keywords);
    }
}
