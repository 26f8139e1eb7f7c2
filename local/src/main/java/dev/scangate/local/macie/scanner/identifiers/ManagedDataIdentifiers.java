package dev.scangate.local.macie.scanner.identifiers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Macie's catalogue of managed data identifiers (user-guide snapshot, aws-semantics.md §1.3), with
 * categories, severity rules (§2.5) and the RECOMMENDED set (§1.4). ListManagedDataIdentifiers
 * serves {@link #all()}; every id is accepted in a selection, {@link ManagedDataIdentifier#detected()}
 * says which ones this scanner actually looks for.
 */
public final class ManagedDataIdentifiers {

    /** The IBAN family: country code → Macie id prefix and IBAN length. */
    public static final Map<String, IbanCountry> IBAN_COUNTRIES;

    private static final Map<String, ManagedDataIdentifier> BY_ID;
    private static final Set<String> RECOMMENDED;

    /** @param idPrefix e.g. {@code GERMANY_} */
    public record IbanCountry(String code, String idPrefix, int length) {
        public String identifierId() {
            return idPrefix + "BANK_ACCOUNT_NUMBER";
        }
    }

    static {
        Map<String, IbanCountry> iban = new LinkedHashMap<>();
        Object[][] countries = {
            {"AL", "ALBANIA_", 28}, {"AD", "ANDORRA_", 24}, {"BA", "BOSNIA_AND_HERZEGOVINA_", 20},
            {"BR", "BRAZIL_", 29}, {"BG", "BULGARIA_", 22}, {"CR", "COSTA_RICA_", 22}, {"HR", "CROATIA_", 21},
            {"CY", "CYPRUS_", 28}, {"CZ", "CZECH_REPUBLIC_", 24}, {"DK", "DENMARK_", 18},
            {"DO", "DOMINICAN_REPUBLIC_", 28}, {"EG", "EGYPT_", 29}, {"EE", "ESTONIA_", 20},
            {"FO", "FAROE_ISLANDS_", 18}, {"FI", "FINLAND_", 18}, {"FR", "FRANCE_", 27}, {"GE", "GEORGIA_", 22},
            {"DE", "GERMANY_", 22}, {"GR", "GREECE_", 27}, {"GL", "GREENLAND_", 18}, {"HU", "HUNGARY_", 28},
            {"IS", "ICELAND_", 26}, {"IE", "IRELAND_", 22}, {"IT", "ITALY_", 27}, {"JO", "JORDAN_", 30},
            {"XK", "KOSOVO_", 20}, {"LI", "LIECHTENSTEIN_", 21}, {"LT", "LITHUANIA_", 20}, {"MT", "MALTA_", 31},
            {"MR", "MAURITANIA_", 27}, {"MU", "MAURITIUS_", 30}, {"MC", "MONACO_", 27}, {"ME", "MONTENEGRO_", 22},
            {"NL", "NETHERLANDS_", 18}, {"MK", "NORTH_MACEDONIA_", 19}, {"PL", "POLAND_", 28},
            {"PT", "PORTUGAL_", 25}, {"SM", "SAN_MARINO_", 27}, {"SN", "SENEGAL_", 28}, {"RS", "SERBIA_", 22},
            {"SK", "SLOVAKIA_", 24}, {"SI", "SLOVENIA_", 19}, {"ES", "SPAIN_", 24}, {"SE", "SWEDEN_", 24},
            {"CH", "SWITZERLAND_", 21}, {"TL", "TIMOR_LESTE_", 23}, {"TN", "TUNISIA_", 24}, {"TR", "TURKIYE_", 26},
            {"GB", "UK_", 22}, {"UA", "UKRAINE_", 29}, {"AE", "UNITED_ARAB_EMIRATES_", 23},
            {"VG", "VIRGIN_ISLANDS_", 24},
        };
        for (Object[] c : countries) {
            iban.put((String) c[0], new IbanCountry((String) c[0], (String) c[1], (Integer) c[2]));
        }
        IBAN_COUNTRIES = Collections.unmodifiableMap(iban);

        Map<String, ManagedDataIdentifier> m = new LinkedHashMap<>();
        Set<String> detected = Set.of(
                "AWS_CREDENTIALS", "OPENSSH_PRIVATE_KEY", "PGP_PRIVATE_KEY", "PKCS", "PUTTY_PRIVATE_KEY",
                "HTTP_BASIC_AUTH_HEADER", "JSON_WEB_TOKEN", "GCP_API_KEY", "STRIPE_CREDENTIALS",
                "CREDIT_CARD_NUMBER", "CREDIT_CARD_NUMBER_(NO_KEYWORD)", "CREDIT_CARD_SECURITY_CODE",
                "CREDIT_CARD_EXPIRATION", "CREDIT_CARD_MAGNETIC_STRIPE", "BANK_ACCOUNT_NUMBER",
                "USA_SOCIAL_SECURITY_NUMBER", "USA_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER", "USA_PASSPORT_NUMBER",
                "DRIVERS_LICENSE", "DATE_OF_BIRTH", "PHONE_NUMBER", "UK_NATIONAL_INSURANCE_NUMBER",
                "UK_NHS_NUMBER", "CANADA_SOCIAL_INSURANCE_NUMBER", "USA_MEDICARE_BENEFICIARY_IDENTIFIER",
                "USA_NATIONAL_PROVIDER_IDENTIFIER", "HTTP_COOKIE", "LATITUDE_LONGITUDE",
                "VEHICLE_IDENTIFICATION_NUMBER", "NAME", "ADDRESS");

        for (String id : List.of("AWS_CREDENTIALS", "GCP_API_KEY", "HTTP_BASIC_AUTH_HEADER", "JSON_WEB_TOKEN",
                "OPENSSH_PRIVATE_KEY", "PGP_PRIVATE_KEY", "PKCS", "PUTTY_PRIVATE_KEY", "STRIPE_CREDENTIALS")) {
            put(m, detected, id, Category.CREDENTIALS, SeverityRule.HHH);
        }
        Category fin = Category.FINANCIAL_INFORMATION;
        put(m, detected, "BANK_ACCOUNT_NUMBER", fin, SeverityRule.HHH);
        put(m, detected, "CREDIT_CARD_EXPIRATION", fin, SeverityRule.LMH);
        put(m, detected, "CREDIT_CARD_MAGNETIC_STRIPE", fin, SeverityRule.HHH);
        put(m, detected, "CREDIT_CARD_NUMBER", fin, SeverityRule.HHH);
        put(m, detected, "CREDIT_CARD_NUMBER_(NO_KEYWORD)", fin, SeverityRule.HHH);
        put(m, detected, "CREDIT_CARD_SECURITY_CODE", fin, SeverityRule.MHH);
        for (IbanCountry c : IBAN_COUNTRIES.values()) {
            // The IBAN family is detected by the one IBAN validator; the country picks the id.
            m.put(c.identifierId(), new ManagedDataIdentifier(c.identifierId(), fin, SeverityRule.HHH, true));
        }
        Category per = Category.PERSONAL_INFORMATION;
        for (String id : List.of("US_DRUG_ENFORCEMENT_AGENCY_NUMBER", "USA_HEALTH_INSURANCE_CLAIM_NUMBER",
                "CANADA_HEALTH_NUMBER", "EUROPEAN_HEALTH_INSURANCE_CARD_NUMBER",
                "FINLAND_EUROPEAN_HEALTH_INSURANCE_NUMBER", "FRANCE_HEALTH_INSURANCE_NUMBER", "UK_NHS_NUMBER",
                "USA_MEDICARE_BENEFICIARY_IDENTIFIER", "USA_HEALTHCARE_PROCEDURE_CODE", "USA_NATIONAL_DRUG_CODE",
                "USA_NATIONAL_PROVIDER_IDENTIFIER")) {
            put(m, detected, id, per, SeverityRule.HHH);
        }
        put(m, detected, "MEDICAL_DEVICE_UDI", per, SeverityRule.LMH);
        put(m, detected, "DATE_OF_BIRTH", per, SeverityRule.LMH);
        put(m, detected, "DRIVERS_LICENSE", per, SeverityRule.LMH);
        for (String c : List.of("AUSTRALIA", "AUSTRIA", "BELGIUM", "BULGARIA", "CANADA", "CROATIA", "CYPRUS",
                "CZECHIA", "DENMARK", "ESTONIA", "FINLAND", "FRANCE", "GERMANY", "GREECE", "HUNGARY", "INDIA",
                "IRELAND", "ITALY", "LATVIA", "LITHUANIA", "LUXEMBOURG", "MALTA", "NETHERLANDS", "POLAND",
                "PORTUGAL", "ROMANIA", "SLOVAKIA", "SLOVENIA", "SPAIN", "SWEDEN", "UK")) {
            put(m, detected, c + "_DRIVERS_LICENSE", per, SeverityRule.LMH);
        }
        put(m, detected, "UK_ELECTORAL_ROLL_NUMBER", per, SeverityRule.HHH);
        put(m, detected, "NAME", per, SeverityRule.LMH);
        put(m, detected, "LATITUDE_LONGITUDE", per, SeverityRule.LMM);
        put(m, detected, "HTTP_COOKIE", per, SeverityRule.LMH);
        put(m, detected, "ADDRESS", per, SeverityRule.LMH);
        put(m, detected, "BRAZIL_CEP_CODE", per, SeverityRule.LMH);
        for (String id : List.of("ARGENTINA_DNI_NUMBER", "BRAZIL_RG_NUMBER", "CHILE_RUT_NUMBER",
                "COLOMBIA_CITIZENSHIP_CARD_NUMBER", "FRANCE_NATIONAL_IDENTIFICATION_NUMBER",
                "GERMANY_NATIONAL_IDENTIFICATION_NUMBER", "INDIA_AADHAAR_NUMBER",
                "ITALY_NATIONAL_IDENTIFICATION_NUMBER", "MEXICO_CURP_NUMBER", "SPAIN_DNI_NUMBER",
                "UK_NATIONAL_INSURANCE_NUMBER", "CANADA_NATIONAL_IDENTIFICATION_NUMBER",
                "CANADA_SOCIAL_INSURANCE_NUMBER", "USA_SOCIAL_SECURITY_NUMBER", "SPAIN_SOCIAL_SECURITY_NUMBER")) {
            put(m, detected, id, per, SeverityRule.HHH);
        }
        for (String c : List.of("CANADA", "FRANCE", "GERMANY", "ITALY", "SPAIN", "UK", "USA")) {
            put(m, detected, c + "_PASSPORT_NUMBER", per, SeverityRule.MHH);
        }
        put(m, detected, "PHONE_NUMBER", per, SeverityRule.LMH);
        for (String c : List.of("BRAZIL", "FRANCE", "GERMANY", "ITALY", "SPAIN", "UK")) {
            put(m, detected, c + "_PHONE_NUMBER", per, SeverityRule.LMH);
        }
        put(m, detected, "ARGENTINA_TARJETA_SUBE", per, SeverityRule.MMH);
        for (String id : List.of("ARGENTINA_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER", "AUSTRALIA_TAX_FILE_NUMBER",
                "BRAZIL_CNPJ_NUMBER", "BRAZIL_CPF_NUMBER", "COLOMBIA_INDIVIDUAL_NIT_NUMBER",
                "FRANCE_TAX_IDENTIFICATION_NUMBER", "GERMANY_TAX_IDENTIFICATION_NUMBER",
                "INDIA_PERMANENT_ACCOUNT_NUMBER", "MEXICO_INDIVIDUAL_RFC_NUMBER", "SPAIN_NIE_NUMBER",
                "SPAIN_NIF_NUMBER", "SPAIN_TAX_IDENTIFICATION_NUMBER", "UK_TAX_IDENTIFICATION_NUMBER",
                "USA_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER")) {
            put(m, detected, id, per, SeverityRule.HHH);
        }
        for (String id : List.of("ARGENTINA_ORGANIZATION_TAX_IDENTIFICATION_NUMBER",
                "COLOMBIA_ORGANIZATION_NIT_NUMBER", "MEXICO_ORGANIZATION_RFC_NUMBER")) {
            put(m, detected, id, per, new SeverityRule(Severity.MEDIUM, Severity.MEDIUM, Severity.HIGH));
        }
        put(m, detected, "VEHICLE_IDENTIFICATION_NUMBER", per, SeverityRule.LLM);
        BY_ID = Collections.unmodifiableMap(m);

        Set<String> rec = new LinkedHashSet<>(List.of("AWS_CREDENTIALS", "HTTP_BASIC_AUTH_HEADER",
                "OPENSSH_PRIVATE_KEY", "PGP_PRIVATE_KEY", "PKCS", "PUTTY_PRIVATE_KEY",
                "CREDIT_CARD_MAGNETIC_STRIPE", "CREDIT_CARD_NUMBER",
                "CANADA_DRIVERS_LICENSE", "DRIVERS_LICENSE", "UK_DRIVERS_LICENSE", "UK_ELECTORAL_ROLL_NUMBER",
                "FRANCE_NATIONAL_IDENTIFICATION_NUMBER", "GERMANY_NATIONAL_IDENTIFICATION_NUMBER",
                "ITALY_NATIONAL_IDENTIFICATION_NUMBER", "SPAIN_DNI_NUMBER", "UK_NATIONAL_INSURANCE_NUMBER",
                "CANADA_PASSPORT_NUMBER", "FRANCE_PASSPORT_NUMBER", "GERMANY_PASSPORT_NUMBER",
                "ITALY_PASSPORT_NUMBER", "SPAIN_PASSPORT_NUMBER", "UK_PASSPORT_NUMBER", "USA_PASSPORT_NUMBER",
                "CANADA_SOCIAL_INSURANCE_NUMBER", "SPAIN_SOCIAL_SECURITY_NUMBER", "USA_SOCIAL_SECURITY_NUMBER",
                "AUSTRALIA_TAX_FILE_NUMBER", "BRAZIL_CPF_NUMBER", "FRANCE_TAX_IDENTIFICATION_NUMBER",
                "GERMANY_TAX_IDENTIFICATION_NUMBER", "SPAIN_NIE_NUMBER", "SPAIN_NIF_NUMBER",
                "SPAIN_TAX_IDENTIFICATION_NUMBER", "USA_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER"));
        RECOMMENDED = Collections.unmodifiableSet(rec);
    }

    private ManagedDataIdentifiers() { }

    private static void put(Map<String, ManagedDataIdentifier> m, Set<String> detected, String id, Category c,
                            SeverityRule rule) {
        m.put(id, new ManagedDataIdentifier(id, c, rule, detected.contains(id)));
    }

    /** Every managed identifier, in the user guide's order (what ListManagedDataIdentifiers returns). */
    public static List<ManagedDataIdentifier> all() {
        return new ArrayList<>(BY_ID.values());
    }

    public static Optional<ManagedDataIdentifier> find(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /** The ids a job uses when it names no selector (§1.4). */
    public static Set<String> recommended() {
        return RECOMMENDED;
    }

    /** The ids this scanner has a detector for. */
    public static Set<String> detected() {
        Set<String> ids = new LinkedHashSet<>();
        BY_ID.values().stream().filter(ManagedDataIdentifier::detected).forEach(i -> ids.add(i.id()));
        return ids;
    }
}
