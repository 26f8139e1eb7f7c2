package dev.scangate.lambdas.core.approval;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs review links (HMAC-SHA256 over approval id and expiry) and derives the review form's CSRF
 * token. Each use has its own label in the MAC input, so a link signature is never a valid CSRF
 * token and vice versa.
 */
public final class LinkSigner {

    /** Shorter keys are refused: a guessable key would make every link forgeable. */
    public static final int MIN_KEY_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    private LinkSigner(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    public static LinkSigner create(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("approval signing key must be at least " + MIN_KEY_BYTES + " bytes");
        }
        return new LinkSigner(key.clone());
    }

    public static LinkSigner create(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("approval signing key is empty");
        }
        return create(key.trim().getBytes(StandardCharsets.UTF_8));
    }

    public ApprovalLink link(String approvalId, Instant expiresAt) {
        long exp = expiresAt.getEpochSecond();
        return new ApprovalLink(approvalId, exp, mac("link", approvalId, exp));
    }

    public String csrfToken(String approvalId, long expiresAtEpochSecond) {
        return mac("csrf", approvalId, expiresAtEpochSecond);
    }

    /** Checks the query parameters of a link. Signature first, so an expired forgery reads as forged. */
    public LinkCheck verify(String approvalId, String expParam, String sigParam, Instant now) {
        if (sigParam == null || sigParam.isEmpty() || expParam == null || expParam.isEmpty()) {
            return LinkCheck.MISSING_SIGNATURE;
        }
        long exp;
        try {
            exp = Long.parseLong(expParam);
        } catch (NumberFormatException e) {
            return LinkCheck.BAD_SIGNATURE;
        }
        if (!constantTimeEquals(mac("link", approvalId, exp), sigParam)) {
            return LinkCheck.BAD_SIGNATURE;
        }
        return now.getEpochSecond() >= exp ? LinkCheck.EXPIRED : LinkCheck.VALID;
    }

    public boolean verifyCsrf(String approvalId, long expiresAtEpochSecond, String token) {
        return token != null && constantTimeEquals(csrfToken(approvalId, expiresAtEpochSecond), token);
    }

    private static boolean constantTimeEquals(String expected, String actual) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    private String mac(String purpose, String approvalId, long exp) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] out = mac.doFinal((purpose + "\n" + approvalId + "\n" + exp).getBytes(StandardCharsets.UTF_8));
            return ENCODER.encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "LinkSigner[key=***]";
    }

    /** Outcome of checking a link's query parameters. */
    public enum LinkCheck {
        VALID,
        MISSING_SIGNATURE,
        BAD_SIGNATURE,
        EXPIRED
    }
}
