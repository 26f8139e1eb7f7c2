package dev.scangate.local.macie.scanner.identifiers;

/** Severity of one data type by its occurrence count in an object: buckets 1, 2–99 and ≥100 (findings-severity). */
public record SeverityRule(Severity one, Severity upTo99, Severity hundredOrMore) {

    public static final SeverityRule HHH = new SeverityRule(Severity.HIGH, Severity.HIGH, Severity.HIGH);
    public static final SeverityRule LMH = new SeverityRule(Severity.LOW, Severity.MEDIUM, Severity.HIGH);
    public static final SeverityRule MHH = new SeverityRule(Severity.MEDIUM, Severity.HIGH, Severity.HIGH);
    public static final SeverityRule LMM = new SeverityRule(Severity.LOW, Severity.MEDIUM, Severity.MEDIUM);
    public static final SeverityRule LLM = new SeverityRule(Severity.LOW, Severity.LOW, Severity.MEDIUM);
    public static final SeverityRule MMH = new SeverityRule(Severity.MEDIUM, Severity.MEDIUM, Severity.HIGH);

    public Severity forCount(long count) {
        if (count >= 100) {
            return hundredOrMore;
        }
        return count >= 2 ? upTo99 : one;
    }
}
