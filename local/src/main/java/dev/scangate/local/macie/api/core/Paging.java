package dev.scangate.local.macie.api.core;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Offset pagination behind an opaque {@code nextToken}. */
public final class Paging {

    private static final String PREFIX = "offset:";

    private Paging() {
    }

    public record Page<T>(List<T> items, String nextToken) { }

    public static <T> Page<T> page(List<T> all, Integer maxResults, int defaultMax, String nextToken) {
        int size = maxResults == null ? defaultMax : maxResults;
        int from = offset(nextToken);
        if (from > all.size()) {
            throw MacieException.validation("nextToken is not valid for this request");
        }
        int to = Math.min(all.size(), from + size);
        var token = to < all.size() ? encode(to) : null;
        return new Page<>(List.copyOf(all.subList(from, to)), token);
    }

    private static int offset(String token) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            var decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!decoded.startsWith(PREFIX)) {
                throw new IllegalArgumentException(decoded);
            }
            int offset = Integer.parseInt(decoded.substring(PREFIX.length()));
            if (offset < 0) {
                throw new IllegalArgumentException(decoded);
            }
            return offset;
        } catch (IllegalArgumentException e) {
            throw MacieException.validation("nextToken is not valid: '" + token + "'");
        }
    }

    private static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }
}
