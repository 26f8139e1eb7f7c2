package dev.scangate.local.macie.scanner.identifiers;

/** Macie's {@code SensitiveDataItemCategory}. PHI and PII are both PERSONAL_INFORMATION, as in the API. */
public enum Category {
    CREDENTIALS("Credentials"),
    FINANCIAL_INFORMATION("Financial"),
    PERSONAL_INFORMATION("Personal"),
    CUSTOM_IDENTIFIER("CustomIdentifier");

    private final String findingTypeSuffix;

    Category(String findingTypeSuffix) {
        this.findingTypeSuffix = findingTypeSuffix;
    }

    /** The finding type a finding gets when this is its only category. */
    public String findingType() {
        return "SensitiveData:S3Object/" + findingTypeSuffix;
    }
}
