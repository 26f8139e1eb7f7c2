package dev.scangate.infra.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigReaderTest {

    private static ScanGateConfig read(Map<String, Object> context) {
        return ConfigReader.read(context::get);
    }

    private static Map<String, Object> with(String key, Object value) {
        Map<String, Object> context = new HashMap<>();
        context.put(key, value);
        return context;
    }

    @Test
    void read_whenNothingSet_usesDocumentedDefaults() {
        ScanGateConfig config = read(Map.of());

        assertThat(config.schedule()).isEqualTo("rate(6 hours)");
        assertThat(config.severityThreshold()).isEqualTo("MEDIUM");
        assertThat(config.managedIdentifierSelector()).isEqualTo("ALL");
        assertThat(config.approvalTimeoutSeconds()).isEqualTo(432_000);
        assertThat(config.enableMacieSession()).isFalse();
        assertThat(config.configureMacieResults()).isFalse();
        assertThat(config.requireDiscoveryResults()).isTrue();
        assertThat(config.logExecutionData()).isFalse();
        assertThat(config.approverEmails()).isEmpty();
        assertThat(config.bucketNames()).isEqualTo(BucketNames.generated());
        assertThat(config.eventBusName()).isEqualTo("default");
        assertThat(config.backoffFactorText()).isEqualTo("2");
    }

    @Test
    void read_whenCdkJsonTypes_acceptsNumbersBooleansAndLists() {
        Map<String, Object> context = new HashMap<>();
        context.put(ContextKeys.APPROVAL_TIMEOUT_SECONDS, 3600);
        context.put(ContextKeys.ENABLE_MACIE_SESSION, true);
        context.put(ContextKeys.APPROVER_EMAIL, List.of("a@example.com", "b@example.org"));
        context.put(ContextKeys.BACKOFF_FACTOR, 1.5);
        context.put(ContextKeys.SEVERITY_THRESHOLD, "high");
        context.put(ContextKeys.CUSTOM_DATA_IDENTIFIERS, List.of(Map.of("name", "emp", "regex", "EMP-\\d{6}",
                "keywords", List.of("employee"), "maximumMatchDistance", 20)));

        ScanGateConfig config = read(context);

        assertThat(config.approvalTimeoutSeconds()).isEqualTo(3600);
        assertThat(config.enableMacieSession()).isTrue();
        assertThat(config.approverEmails()).containsExactly("a@example.com", "b@example.org");
        assertThat(config.backoffFactorText()).isEqualTo("1.5");
        assertThat(config.severityThreshold()).isEqualTo("HIGH");
        assertThat(config.customDataIdentifiers())
                .containsExactly(new CustomIdentifierSpec("emp", "EMP-\\d{6}", List.of("employee"), 20));
    }

    @Test
    void read_whenCommandLineStrings_parsesThem() {
        Map<String, Object> context = new HashMap<>();
        context.put(ContextKeys.APPROVAL_TIMEOUT_SECONDS, "7200");
        context.put(ContextKeys.ENABLE_MACIE_SESSION, "true");
        context.put(ContextKeys.APPROVER_EMAIL, "a@example.com, b@example.org");
        context.put(ContextKeys.ALLOW_LISTS, "[{\"name\":\"cards\",\"regex\":\"4111-.*\"}]");
        context.put(ContextKeys.BUCKET_NAME_PREFIX, "acme-lake");

        ScanGateConfig config = read(context);

        assertThat(config.approvalTimeoutSeconds()).isEqualTo(7200);
        assertThat(config.enableMacieSession()).isTrue();
        assertThat(config.approverEmails()).containsExactly("a@example.com", "b@example.org");
        assertThat(config.allowLists()).containsExactly(new AllowListSpec("cards", "4111-.*"));
        assertThat(config.bucketNames().curated()).isEqualTo("acme-lake-curated");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rate(1 hour)", "rate(6 hours)", "rate(30 minutes)", "rate(1 day)", "cron(0 */6 * * ? *)",
            "cron(15 10 ? * MON-FRI *)"})
    void read_whenScheduleValid_keepsIt(String schedule) {
        assertThat(read(with(ContextKeys.SCHEDULE, schedule)).schedule()).isEqualTo(schedule);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "scangate:approverEmail|not-an-email|'not-an-email' is not an email address",
            "scangate:approverEmail|a@b|'a@b' is not an email address",
            "scangate:alarmEmail|ops@example.com,oops|'oops' is not an email address",
            "scangate:schedule|every 6 hours|is not a schedule expression",
            "scangate:schedule|rate(6 hour)|is not a valid rate",
            "scangate:schedule|rate(0 hours)|is not a valid rate",
            "scangate:schedule|cron(0 6 * * * *)|exactly one of day-of-month or day-of-week must be '?'",
            "scangate:schedule|cron(0 6 * *)|needs 6 fields",
            "scangate:severityThreshold|CRITICAL|'CRITICAL' is not one of [HIGH, LOW, MEDIUM]",
            "scangate:managedIdentifierSelector|SOME|'SOME' is not one of",
            "scangate:managedIdentifierSelector|INCLUDE|needs at least one managed identifier id",
            "scangate:managedIdentifierSelector|NONE|NONE needs at least one custom data identifier",
            "scangate:approvalTimeoutSeconds|ten|'ten' must be a whole number from 60 to 31536000",
            "scangate:approvalTimeoutSeconds|30|must be a whole number from 60",
            "scangate:enableMacieSession|yes|'yes' is not true or false",
            "scangate:bucketNamePrefix|Upper_Case|cannot prefix S3 bucket names",
            "scangate:manualReviewExpirationDays|5|held objects would expire before anyone could decide",
            "scangate:backoffCapSeconds|10|is smaller than scangate:backoffFirstSeconds",
            "scangate:logRetentionDays|42|is not a CloudWatch Logs retention",
            "scangate:eventBusName|aws.partner|is not an event bus name",
            "scangate:customDataIdentifiers|[{\"name\":\"x\",\"regex\":\"(\"}]|scangate:customDataIdentifiers[0].regex: not a regular expression",
            "scangate:customDataIdentifiers|[{\"regex\":\"a\"}]|scangate:customDataIdentifiers[0].name: required",
            "scangate:customDataIdentifiers|{oops|not valid JSON",
            "scangate:allowListIds|bad id!|'bad id!' is not an identifier id",
            "scangate:macieResultsPrefix|/leading|is not a key prefix"})
    void read_whenContextBad_failsNamingKeyAndProblem(String key, String value, String expected) {
        assertThatThrownBy(() -> read(with(key, value)))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining(key)
                .hasMessageContaining(expected);
    }

    @Test
    void read_whenSeveralProblems_reportsAllAtOnce() {
        Map<String, Object> context = new HashMap<>();
        context.put(ContextKeys.APPROVER_EMAIL, "nope");
        context.put(ContextKeys.SEVERITY_THRESHOLD, "EXTREME");

        assertThatThrownBy(() -> read(context))
                .isInstanceOfSatisfying(InvalidContextException.class,
                        e -> assertThat(e.problems()).hasSize(2));
    }
}
