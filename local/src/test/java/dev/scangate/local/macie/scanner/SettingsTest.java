package dev.scangate.local.macie.scanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scangate.local.macie.scanner.ScanSettings.AllowList;
import dev.scangate.local.macie.scanner.ScanSettings.CustomIdentifier;
import dev.scangate.local.macie.scanner.ScanSettings.ManagedSelector;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static final String TEXT = "contact John Smith, ssn 123-45-6789, card number 4539 1488 0343 6467";

    @Test
    void selector_whenRecommended_skipsNameButKeepsSsn() {
        ScanResult r = Scans.scan("a.txt", TEXT, ScanSettings.of(ManagedSelector.RECOMMENDED));

        assertThat(Scans.counts(r)).containsKeys("USA_SOCIAL_SECURITY_NUMBER", "CREDIT_CARD_NUMBER")
                .doesNotContainKey("NAME");
    }

    @Test
    void selector_whenIncludeExcludeOrNone_limitsIdentifiers() {
        ScanResult include = Scans.scan("a.txt", TEXT, new ScanSettings(ManagedSelector.INCLUDE, Set.of("NAME"), null, null));
        ScanResult exclude = Scans.scan("a.txt", TEXT, new ScanSettings(ManagedSelector.EXCLUDE, Set.of("NAME"), null, null));
        ScanResult none = Scans.scan("a.txt", TEXT, ScanSettings.of(ManagedSelector.NONE));

        assertThat(Scans.counts(include).keySet()).containsExactly("NAME");
        assertThat(Scans.counts(exclude)).doesNotContainKey("NAME").containsKey("USA_SOCIAL_SECURITY_NUMBER");
        assertThat(none.hasFinding()).isFalse();
        assertThat(none.statusCode()).isEqualTo("COMPLETE");
    }

    @Test
    void selector_whenUnknownId_namesIt() {
        assertThatThrownBy(() -> Scans.scan("a.txt", TEXT,
                new ScanSettings(ManagedSelector.INCLUDE, Set.of("EMAIL_ADDRESS"), null, null)))
                .isInstanceOf(InvalidScanRequestException.class).hasMessageContaining("EMAIL_ADDRESS");
        assertThatThrownBy(() -> IdentifierSelection.parse("NAME, BOGUS"))
                .isInstanceOf(InvalidScanRequestException.class).hasMessageContaining("BOGUS");
        assertThat(IdentifierSelection.parse("name, usa_social_security_number").managedIdentifierIds())
                .containsExactlyInAnyOrder("NAME", "USA_SOCIAL_SECURITY_NUMBER");
    }

    @Test
    void customIdentifier_whenKeywordPrecedesWithinDistance_matches() {
        CustomIdentifier emp = cdi(List.of("employee"), List.of(), 20);

        assertThat(count("employee id EMP-1234", emp)).isEqualTo(1);
        assertThat(count("EMPLOYEE: EMP-1234", emp)).isEqualTo(1);
        assertThat(count("EMP-1234 employee", emp)).isZero();
        assertThat(count("employee ........................ EMP-1234", emp)).isZero();
    }

    @Test
    void customIdentifier_whenColumnNameIsKeyword_matchesCells() {
        ScanSettings s = new ScanSettings(ManagedSelector.NONE, null, List.of(cdi(List.of("employee"), List.of(), 5)), null);

        ScanResult r = Scans.scan("a.csv", "Employee Id,x\nEMP-1234,y\n", s);

        assertThat(Scans.counts(r)).containsEntry("Emp", 1L);
    }

    @Test
    void customIdentifier_whenMatchContainsIgnoreWord_isDropped() {
        CustomIdentifier emp = cdi(List.of(), List.of("0000"), 50);

        assertThat(count("EMP-0000 EMP-1234", emp)).isEqualTo(1);
    }

    @Test
    void customIdentifier_whenRegexIsInvalid_namesTheProblem() {
        CustomIdentifier bad = new CustomIdentifier("id", "Broken", "EMP-(\\d", null, null, 0, null);

        assertThatThrownBy(() -> Scans.scan("a.txt", "x", new ScanSettings(ManagedSelector.NONE, null, List.of(bad), null)))
                .isInstanceOf(InvalidScanRequestException.class).hasMessageContaining("Broken").hasMessageContaining("regex");
    }

    @Test
    void allowList_whenRegexOrWordMatches_excludesOccurrence() {
        AllowList regex = new AllowList("al1", "card number 4539 \\d{4} \\d{4} \\d{4}", null);
        AllowList words = new AllowList("al2", null, Set.of("john smith"));
        ScanSettings s = new ScanSettings(ManagedSelector.ALL, null, null, List.of(regex, words));

        ScanResult r = Scans.scan("a.txt", TEXT, s);

        assertThat(Scans.counts(r)).containsKey("USA_SOCIAL_SECURITY_NUMBER")
                .doesNotContainKeys("CREDIT_CARD_NUMBER", "NAME");
    }

    @Test
    void countCustomMatches_whenSampleText_countsLikeTestCustomDataIdentifier() {
        CustomIdentifier emp = cdi(List.of("employee"), List.of("9999"), 30);

        assertThat(SensitiveDataScanners.countCustomMatches(emp, "employee EMP-1234, EMP-9999, EMP-5678")).isEqualTo(2);
        assertThat(SensitiveDataScanners.countCustomMatches(emp, "EMP-1234")).isZero();
    }

    @Test
    void nameCount_whenMoreThanAThousand_stopsAtMacieCap() {
        ScanResult r = Scans.scanAll("n.txt", "John Smith\n".repeat(1_200));

        assertThat(Scans.counts(r)).containsEntry("NAME", 1_000L);
    }

    private static CustomIdentifier cdi(List<String> keywords, List<String> ignore, int distance) {
        return new CustomIdentifier("id-emp", "Emp", "EMP-\\d{4}", keywords, ignore, distance, null);
    }

    private static long count(String text, CustomIdentifier c) {
        ScanResult r = Scans.scan("a.txt", text, new ScanSettings(ManagedSelector.NONE, null, List.of(c), null));
        return Scans.counts(r).getOrDefault("Emp", 0L);
    }
}
