package dev.scangate.local.macie.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManagedIdentifierDetectionTest {

    private static final String JWT = "eyJhbGciOiAiSFMyNTYiLCAidHlwIjogIkpXVCJ9.eyJzdWIiOiAiMTIzNDU2Nzg5MCIsICJuYW1lIjogIngifQ"
            + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "CREDIT_CARD_NUMBER | Visa card number: 4539 1488 0343 6467 on file",
        "CREDIT_CARD_NUMBER | payment card 5425-2334-3010-9903",
        "CREDIT_CARD_NUMBER_(NO_KEYWORD) | order 17 shipped, ref 4539148803436467 ok",
        "CREDIT_CARD_SECURITY_CODE | the cvv is 382",
        "CREDIT_CARD_EXPIRATION | card expiry 09/27",
        "CREDIT_CARD_EXPIRATION | expiration date Feb 2027",
        "CREDIT_CARD_MAGNETIC_STRIPE | swipe data ;4539148803436467=27091010000000000000?",
        "BANK_ACCOUNT_NUMBER | checking account 0123456789",
        "GERMANY_BANK_ACCOUNT_NUMBER | transfer to DE89370400440532013000 today",
        "UK_BANK_ACCOUNT_NUMBER | pay GB82WEST12345698765432",
        "USA_SOCIAL_SECURITY_NUMBER | SSN: 123-45-6789",
        "USA_SOCIAL_SECURITY_NUMBER | social security 123456789",
        "USA_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER | ITIN 912-70-1234",
        "USA_PASSPORT_NUMBER | passport no 912345678",
        "USA_PASSPORT_NUMBER | passport A12345678",
        "DRIVERS_LICENSE | driver's license D1234567",
        "DATE_OF_BIRTH | DOB: 1985-03-12",
        "DATE_OF_BIRTH | date of birth 12 March 1985",
        "PHONE_NUMBER | phone (312) 555-0142",
        "PHONE_NUMBER | call +1 312-555-0142 now",
        "PHONE_NUMBER | dial 1-312-555-0142 or 13125550142",
        "UK_NATIONAL_INSURANCE_NUMBER | NINO AB123456C",
        "UK_NATIONAL_INSURANCE_NUMBER | national insurance number AB 12 34 56 C",
        "UK_NHS_NUMBER | NHS number 943 476 5919",
        "CANADA_SOCIAL_INSURANCE_NUMBER | SIN 046 454 286",
        "USA_MEDICARE_BENEFICIARY_IDENTIFIER | MBI 1EG4-TE5-MK73",
        "USA_NATIONAL_PROVIDER_IDENTIFIER | NPI 1234567893",
        "HTTP_COOKIE | Cookie: session=abc123; theme=dark",
        "HTTP_COOKIE | Set-Cookie: id=a3fWa; Expires=Wed, 21 Oct 2015 07:28:00 GMT",
        "LATITUDE_LONGITUDE | gps coordinates 41.948614,-87.655311",
        "VEHICLE_IDENTIFICATION_NUMBER | VIN 1HGCM82633A004352",
        "NAME | The contract was signed by John Smith yesterday",
        "NAME | Contact Mary J. Watson for details",
        "ADDRESS | Ship to 742 Evergreen Terrace, Springfield, IL 62704 please",
        "AWS_CREDENTIALS | aws_secret_access_key = Zx9kQ2mW7pLr4Tn8Vb1Yc6Hd3Jf5Gs0Ae2Ku9Mi7",
        "OPENSSH_PRIVATE_KEY | -----BEGIN OPENSSH PRIVATE KEY-----",
        "PGP_PRIVATE_KEY | -----BEGIN PGP PRIVATE KEY BLOCK-----",
        "PKCS | -----BEGIN RSA PRIVATE KEY-----",
        "PUTTY_PRIVATE_KEY | PuTTY-User-Key-File-2: ssh-rsa",
        "HTTP_BASIC_AUTH_HEADER | Authorization: Basic dXNlcjpwYXNzd29yZA==",
        "HTTP_BASIC_AUTH_HEADER | Proxy-Authorization: Basic dXNlcjpwYXNzd29yZA==",
        "JSON_WEB_TOKEN | token " + JWT,
        "GCP_API_KEY | google api key AIzaSyD3x9kQ2mW7pLr4Tn8Vb1Yc6Hd3Jf5Gs0A",
        "STRIPE_CREDENTIALS | key sk_live_51HxQ2mW7pLr4Tn8Vb1Yc6Hd3Jf",
    })
    void scan_whenValueIsValid_detectsIt(String type, String text) {
        assertThat(Scans.counts(Scans.scanAll("sample.txt", text))).containsKey(type);
    }

    @ParameterizedTest(name = "not {0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "CREDIT_CARD_NUMBER | Visa card number: 4539 1488 0343 6468 (Luhn fails)",
        "CREDIT_CARD_NUMBER_(NO_KEYWORD) | ref 4539148803436468 Luhn-invalid",
        "CREDIT_CARD_NUMBER | credit card 4111 1111 1111 1111 is a test number",
        "CREDIT_CARD_NUMBER_(NO_KEYWORD) | 5555555555554444 is a test number",
        "CREDIT_CARD_NUMBER | card 9539148803436461 has no issuer",
        "CREDIT_CARD_NUMBER | visa ...................................... 4539 1488 0343 6467",
        "USA_SOCIAL_SECURITY_NUMBER | SSN: 000-12-3456",
        "USA_SOCIAL_SECURITY_NUMBER | SSN: 666-12-3456",
        "USA_SOCIAL_SECURITY_NUMBER | SSN: 123-00-4567",
        "USA_SOCIAL_SECURITY_NUMBER | SSN: 123-45-0000",
        "USA_SOCIAL_SECURITY_NUMBER | SSN: 912-70-1234",
        "USA_SOCIAL_SECURITY_NUMBER | order number 123-45-6789 with no keyword",
        "USA_SOCIAL_SECURITY_NUMBER | ssn ................................ 123-45-6789",
        "USA_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER | ITIN 912-40-1234",
        "UK_NHS_NUMBER | NHS number 943 476 5918",
        "CANADA_SOCIAL_INSURANCE_NUMBER | SIN 046 454 287",
        "USA_NATIONAL_PROVIDER_IDENTIFIER | NPI 1234567890",
        "VEHICLE_IDENTIFICATION_NUMBER | VIN 1HGCM82633A004353",
        "GERMANY_BANK_ACCOUNT_NUMBER | transfer to DE89370400440532013001 today",
        "UK_NATIONAL_INSURANCE_NUMBER | NINO QQ123456C",
        "PHONE_NUMBER | build 312-555-0142 without a keyword or country code",
        "PHONE_NUMBER | phone 112-555-0142",
        "AWS_CREDENTIALS | aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "AWS_CREDENTIALS | sha1 Zx9kQ2mW7pLr4Tn8Vb1Yc6Hd3Jf5Gs0Ae2Ku9Mi7 without keyword",
        "STRIPE_CREDENTIALS | sk_test_4eC39HqLyjWDarjtT1zdp7dc",
        "JSON_WEB_TOKEN | eyJub3RqdXN0.eyJzdWIiOiAiMTIz.abc not a header with alg",
        "DATE_OF_BIRTH | released 1985-03-12 without keyword",
        "DATE_OF_BIRTH | DOB: 1985-13-45",
        "LATITUDE_LONGITUDE | 41.948614,-87.655311 without keyword",
        "NAME | John went home",
        "NAME | John Street is long",
        "ADDRESS | Springfield, IL 92704 has a ZIP from another state",
        "HTTP_BASIC_AUTH_HEADER | Authorization: Bearer abc.def",
        "HTTP_COOKIE | Cookie: nothing here",
        "CREDIT_CARD_SECURITY_CODE | the order is 382 items",
    })
    void scan_whenValueIsNearMiss_doesNotDetectIt(String type, String text) {
        assertThat(Scans.counts(Scans.scanAll("sample.txt", text))).doesNotContainKey(type);
    }
}
