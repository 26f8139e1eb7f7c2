package dev.scangate.local.macie.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.macie2.model.MacieStatus;

class LocalMacieServerSmokeTest {

    @Test
    void getMacieSession_whenAutoEnabled_isEnabled() {
        try (var fixture = MacieFixture.started()) {
            assertThat(fixture.macie.getMacieSession(r -> { }).status()).isEqualTo(MacieStatus.ENABLED);
        }
    }
}
