package dev.scangate.local.macie.scanner.detect;

import java.util.Arrays;

/** The managed detectors this scanner implements; the ordinal is also the bit of its keyword group. */
public enum Detector {
    CREDIT_CARD_NUMBER("CREDIT_CARD_NUMBER", "account number", "american express", "amex", "bank card", "card",
            "cc #", "cc#", "ccn", "check card", "credit", "credit card", "debit", "debit card", "diners club",
            "discover", "jcb", "mastercard", "mc", "pan", "payment card number", "visa", "union pay",
            "card number", "card no"),
    CREDIT_CARD_NUMBER_NO_KEYWORD("CREDIT_CARD_NUMBER_(NO_KEYWORD)"),
    CREDIT_CARD_SECURITY_CODE("CREDIT_CARD_SECURITY_CODE", "card id", "card security code",
            "card verification value", "card verification", "cvc", "cvc2", "cvv", "cvv2", "csc",
            "security code"),
    CREDIT_CARD_EXPIRATION("CREDIT_CARD_EXPIRATION", "exp d", "exp m", "exp y", "exp", "expiration", "expiry",
            "expires", "exp date", "valid thru", "good thru"),
    CREDIT_CARD_MAGNETIC_STRIPE("CREDIT_CARD_MAGNETIC_STRIPE", "card data", "iso7813", "mag", "magstripe",
            "stripe", "swipe", "track data", "track1", "track2"),
    BANK_ACCOUNT_NUMBER("BANK_ACCOUNT_NUMBER", "bank account", "bank acct", "checking account",
            "savings account", "chequing account", "deposit account", "account number", "acct number",
            "account no", "acct no", "account #", "acct #"),
    USA_SOCIAL_SECURITY_NUMBER("USA_SOCIAL_SECURITY_NUMBER", "social security", "ss#", "ss #", "ssn", "ssns"),
    USA_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER("USA_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER", "i.t.i.n.",
            "individual taxpayer identification number", "itin", "taxpayer id"),
    USA_PASSPORT_NUMBER("USA_PASSPORT_NUMBER", "passport", "travel document"),
    DRIVERS_LICENSE("DRIVERS_LICENSE", "dl#", "dl:", "dlno#", "dl number", "dln", "driver licence",
            "driver license", "drivers lic.", "drivers licence", "drivers license", "driver's license",
            "driver's licence", "driving license", "driving licence", "driver permit", "drivers permit",
            "license number", "licence number"),
    DATE_OF_BIRTH("DATE_OF_BIRTH", "bday", "b-day", "birth date", "birthdate", "birthday", "date of birth",
            "dob", "born on"),
    PHONE_NUMBER("PHONE_NUMBER", "cell", "contact", "fax", "mobile", "phone", "tel", "tel.", "telephone",
            "phone number", "mobile number", "cell number", "fax number"),
    UK_NATIONAL_INSURANCE_NUMBER("UK_NATIONAL_INSURANCE_NUMBER", "insurance no.", "insurance number",
            "national insurance number", "national insurance", "nin", "nino", "ni number"),
    UK_NHS_NUMBER("UK_NHS_NUMBER", "national health service", "nhs", "nhs number"),
    USA_MEDICARE_BENEFICIARY_IDENTIFIER("USA_MEDICARE_BENEFICIARY_IDENTIFIER", "mbi", "medicare beneficiary",
            "medicare"),
    USA_NATIONAL_PROVIDER_IDENTIFIER("USA_NATIONAL_PROVIDER_IDENTIFIER", "hipaa", "n.p.i", "national provider",
            "npi"),
    CANADA_SOCIAL_INSURANCE_NUMBER("CANADA_SOCIAL_INSURANCE_NUMBER", "canadian id", "sin",
            "social insurance number", "social insurance", "numéro d'assurance sociale"),
    HTTP_COOKIE("HTTP_COOKIE"),
    LATITUDE_LONGITUDE("LATITUDE_LONGITUDE", "coordinate", "coordinates", "lat long", "latitude longitude",
            "position", "latitude", "gps"),
    VEHICLE_IDENTIFICATION_NUMBER("VEHICLE_IDENTIFICATION_NUMBER", "vin", "vehicle identification number",
            "vehicle identification", "fahrgestellnummer", "niv"),
    NAME("NAME"),
    ADDRESS("ADDRESS"),
    AWS_CREDENTIALS("AWS_CREDENTIALS", "aws secret access key", "aws secret", "credentials",
            "secret access key", "secretaccesskey", "secret key", "set-awscredential"),
    OPENSSH_PRIVATE_KEY("OPENSSH_PRIVATE_KEY"),
    PGP_PRIVATE_KEY("PGP_PRIVATE_KEY"),
    PKCS("PKCS"),
    PUTTY_PRIVATE_KEY("PUTTY_PRIVATE_KEY"),
    HTTP_BASIC_AUTH_HEADER("HTTP_BASIC_AUTH_HEADER"),
    JSON_WEB_TOKEN("JSON_WEB_TOKEN"),
    GCP_API_KEY("GCP_API_KEY", "gcp api key", "google api key", "google-api-key", "x-goog-api-key", "googlekey",
            "google key", "api key", "apikey"),
    STRIPE_CREDENTIALS("STRIPE_CREDENTIALS"),
    /** The 52 IBAN identifiers share one validator; the country code picks the Macie id. */
    IBAN("*_BANK_ACCOUNT_NUMBER");

    private final String macieId;
    private final String[] keywords;

    Detector(String macieId, String... keywords) {
        this.macieId = macieId;
        this.keywords = keywords;
    }

    public String macieId() {
        return macieId;
    }

    public String[] keywords() {
        return Arrays.copyOf(keywords, keywords.length);
    }

    public long bit() {
        return 1L << ordinal();
    }
}
