package dev.scangate.local.macie.scanner.identifiers;

/** Macie's finding severity: {@code description} is title case, {@code score} 1..3. */
public enum Severity {
    LOW("Low", 1), MEDIUM("Medium", 2), HIGH("High", 3);

    private final String description;
    private final int score;

    Severity(String description, int score) {
        this.description = description;
        this.score = score;
    }

    public String description() {
        return description;
    }

    public int score() {
        return score;
    }

    public static Severity max(Severity a, Severity b) {
        if (a == null) {
            return b;
        }
        return b == null || a.score >= b.score ? a : b;
    }
}
