package dev.scangate.lambdas.core.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scangate.lambdas.core.approval.LinkSigner.LinkCheck;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LinkSignerTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private final LinkSigner signer = LinkSigner.create("0123456789abcdef0123456789abcdef-key");

    @Test
    void verify_whenLinkUntouched_isValid() {
        ApprovalLink link = signer.link("id-1", NOW.plusSeconds(60));

        assertThat(signer.verify("id-1", Long.toString(link.expiresAtEpochSecond()), link.signature(), NOW))
                .isEqualTo(LinkCheck.VALID);
    }

    @Test
    void verify_whenIdExpiryOrSignatureChanged_isBadSignature() {
        ApprovalLink link = signer.link("id-1", NOW.plusSeconds(60));
        String exp = Long.toString(link.expiresAtEpochSecond());

        assertThat(signer.verify("id-2", exp, link.signature(), NOW)).isEqualTo(LinkCheck.BAD_SIGNATURE);
        assertThat(signer.verify("id-1", Long.toString(link.expiresAtEpochSecond() + 3600), link.signature(), NOW))
                .isEqualTo(LinkCheck.BAD_SIGNATURE);
        assertThat(signer.verify("id-1", exp, link.signature() + "x", NOW)).isEqualTo(LinkCheck.BAD_SIGNATURE);
        assertThat(signer.verify("id-1", "soon", link.signature(), NOW)).isEqualTo(LinkCheck.BAD_SIGNATURE);
    }

    @Test
    void verify_whenSignatureFromOtherKey_isBadSignature() {
        ApprovalLink forged = LinkSigner.create("another-key-another-key-another-key!").link("id-1", NOW.plusSeconds(60));

        assertThat(signer.verify("id-1", Long.toString(forged.expiresAtEpochSecond()), forged.signature(), NOW))
                .isEqualTo(LinkCheck.BAD_SIGNATURE);
    }

    @Test
    void verify_whenPastExpiry_isExpired() {
        ApprovalLink link = signer.link("id-1", NOW);

        assertThat(signer.verify("id-1", Long.toString(link.expiresAtEpochSecond()), link.signature(), NOW))
                .isEqualTo(LinkCheck.EXPIRED);
    }

    @Test
    void verify_whenParametersMissing_isMissingSignature() {
        assertThat(signer.verify("id-1", null, null, NOW)).isEqualTo(LinkCheck.MISSING_SIGNATURE);
        assertThat(signer.verify("id-1", "1", "", NOW)).isEqualTo(LinkCheck.MISSING_SIGNATURE);
    }

    @Test
    void csrfToken_neverEqualsLinkSignature() {
        ApprovalLink link = signer.link("id-1", NOW.plusSeconds(60));
        String csrf = signer.csrfToken("id-1", link.expiresAtEpochSecond());

        assertThat(csrf).isNotEqualTo(link.signature());
        assertThat(signer.verifyCsrf("id-1", link.expiresAtEpochSecond(), csrf)).isTrue();
        assertThat(signer.verifyCsrf("id-1", link.expiresAtEpochSecond(), link.signature())).isFalse();
        assertThat(signer.verifyCsrf("id-2", link.expiresAtEpochSecond(), csrf)).isFalse();
    }

    @Test
    void create_whenKeyTooShort_refuses() {
        assertThatThrownBy(() -> LinkSigner.create("short")).hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> LinkSigner.create(" ")).hasMessageContaining("empty");
    }

    @Test
    void reviewUrl_carriesIdExpiryAndSignatureOnly() {
        ApprovalLink link = signer.link("id-1", NOW.plusSeconds(60));

        assertThat(link.reviewUrl("https://x.example/")).isEqualTo("https://x.example/approvals/id-1?exp="
                + link.expiresAtEpochSecond() + "&sig=" + link.signature());
        assertThat(link.toString()).doesNotContain(link.signature());
        assertThat(signer.toString()).doesNotContain("key-");
    }
}
