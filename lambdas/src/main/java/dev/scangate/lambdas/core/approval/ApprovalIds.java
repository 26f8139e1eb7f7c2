package dev.scangate.lambdas.core.approval;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** Unguessable approval ids: 256 random bits, base64url (43 characters). */
public final class ApprovalIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private ApprovalIds() {
    }

    public static String newId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** True when the value has the shape of an id we issue (checked before any lookup). */
    public static boolean isWellFormed(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }
}
