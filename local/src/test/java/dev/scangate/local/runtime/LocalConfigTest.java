package dev.scangate.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalConfigTest {

    @TempDir
    Path dir;

    @Test
    void defaults_matchTheStackDefaults() {
        var config = LocalConfig.defaults();
        assertThat(config.dataDir()).isEqualTo(Path.of(".scangate"));
        assertThat(config.port()).isEqualTo(4566);
        assertThat(config.webPort()).isEqualTo(8080);
        assertThat(config.schedule()).isEqualTo("rate(6 hours)");
        assertThat(config.severityThreshold()).isEqualTo("MEDIUM");
        assertThat(config.managedIdentifierSelector()).isEqualTo("ALL");
        assertThat(config.approvalTimeoutSeconds()).isEqualTo(432_000);
    }

    @Test
    void fromFile_whenAllKeysSet_readsThem() throws Exception {
        Path file = dir.resolve("scangate.properties");
        Files.writeString(file, """
                dataDir=/var/scangate
                port=4000
                webPort=9000
                schedule=cron(0 2 * * ? *)
                severityThreshold=high
                managedIdentifierSelector=include
                managedIdentifierIds=CREDIT_CARD_NUMBER, USA_SOCIAL_SECURITY_NUMBER
                customDataIdentifierIds=cdi-1
                allowListIds=
                approvers=a@example.com,b@example.com
                approvalTimeoutSeconds=3600
                backoffFirstSeconds=10
                backoffFactor=1.5
                backoffCapSeconds=300
                smtp=127.0.0.1:2525
                """);
        var config = LocalConfig.fromFile(file).build();
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/scangate"));
        assertThat(config.port()).isEqualTo(4000);
        assertThat(config.webPort()).isEqualTo(9000);
        assertThat(config.schedule()).isEqualTo("cron(0 2 * * ? *)");
        assertThat(config.severityThreshold()).isEqualTo("HIGH");
        assertThat(config.managedIdentifierSelector()).isEqualTo("INCLUDE");
        assertThat(config.managedIdentifierIds()).containsExactly("CREDIT_CARD_NUMBER", "USA_SOCIAL_SECURITY_NUMBER");
        assertThat(config.customDataIdentifierIds()).containsExactly("cdi-1");
        assertThat(config.allowListIds()).isEmpty();
        assertThat(config.approvers()).containsExactly("a@example.com", "b@example.com");
        assertThat(config.approvalTimeoutSeconds()).isEqualTo(3600);
        assertThat(config.backoffFirstSeconds()).isEqualTo(10);
        assertThat(config.backoffFactor()).isEqualTo(1.5);
        assertThat(config.backoffCapSeconds()).isEqualTo(300);
        assertThat(config.smtp()).isEqualTo("127.0.0.1:2525");
    }

    @Test
    void schedule_whenOff_disablesTheScheduler() {
        assertThat(LocalConfig.builder().schedule("off").build().scheduleExpression()).isEmpty();
    }

    @Test
    void fromFile_whenMissing_saysSo() {
        assertThatThrownBy(() -> LocalConfig.fromFile(dir.resolve("nope.properties")))
                .isInstanceOf(InvalidConfigException.class).hasMessageEndingWith("nope.properties does not exist");
    }

    @Test
    void fromFile_whenPortIsNotANumber_namesFileAndKey() throws Exception {
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "port=forty\n");
        assertThatThrownBy(() -> LocalConfig.fromFile(file))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("config file " + file + ", key port: 'forty' is not a whole number");
    }

    @Test
    void build_whenValuesInvalid_namesTheSetting() {
        assertThatThrownBy(() -> LocalConfig.builder().port(70000).build()).hasMessageStartingWith("port: 70000 is not a port");
        assertThatThrownBy(() -> LocalConfig.builder().severityThreshold("SEVERE").build())
                .hasMessage("severityThreshold: 'SEVERE' is not one of HIGH, LOW, MEDIUM");
        assertThatThrownBy(() -> LocalConfig.builder().approvers(List.of("not-an-address")).build())
                .hasMessage("approvers: 'not-an-address' is not an email address");
        assertThatThrownBy(() -> LocalConfig.builder().approvers(List.of()).build()).hasMessageContaining("at least one approver");
        assertThatThrownBy(() -> LocalConfig.builder().schedule("every day").build()).hasMessageStartingWith("schedule: invalid schedule expression");
        assertThatThrownBy(() -> LocalConfig.builder().backoffFactor(0.5).build()).hasMessageStartingWith("backoffFactor: must be a number of at least 1");
        assertThatThrownBy(() -> LocalConfig.builder().backoffFirstSeconds(90).backoffCapSeconds(60).build())
                .hasMessageContaining("need 1 <= first <= cap, got 90/60");
        assertThatThrownBy(() -> LocalConfig.builder().smtp("mailhost").build()).hasMessage("smtp: expected host:port, got 'mailhost'");
    }
}
