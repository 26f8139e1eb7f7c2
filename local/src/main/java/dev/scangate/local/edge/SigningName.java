package dev.scangate.local.edge;

import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the SigV4 signing name (the service) a request was signed for: the credential scope
 * {@code <key>/<date>/<region>/<service>/aws4_request} in the {@code Authorization} header or, for
 * presigned URLs, in the {@code X-Amz-Credential} query parameter. Signature Version 2 (header or
 * presigned URL) can only be S3. Unsigned JSON requests fall back
 * to the {@code X-Amz-Target} prefix, which names the service too.
 */
final class SigningName {

    private SigningName() {
    }

    static Optional<String> of(Headers headers, String rawQuery) {
        String authorization = headers.getFirst("Authorization");
        if (authorization != null && authorization.startsWith("AWS ")) {
            return Optional.of("s3"); // Signature Version 2: only S3 still accepts it
        }
        if (authorization != null) {
            int at = authorization.indexOf("Credential=");
            if (at >= 0) {
                int end = authorization.indexOf(',', at);
                return fromScope(authorization.substring(at + "Credential=".length(), end < 0 ? authorization.length() : end));
            }
        }
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equalsIgnoreCase("X-Amz-Credential")) {
                    return fromScope(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
                if (eq > 0 && pair.substring(0, eq).equals("AWSAccessKeyId")) {
                    return Optional.of("s3"); // a Signature Version 2 presigned URL, as `aws s3 presign` makes
                }
            }
        }
        return fromTarget(headers.getFirst("X-Amz-Target"));
    }

    private static Optional<String> fromScope(String credential) {
        String[] parts = credential.trim().split("/");
        // key id / yyyymmdd / region / service / aws4_request
        if (parts.length >= 5 && parts[parts.length - 1].equals("aws4_request")) {
            return Optional.of(parts[parts.length - 2].toLowerCase(Locale.ROOT));
        }
        return Optional.empty();
    }

    private static Optional<String> fromTarget(String target) {
        if (target == null) {
            return Optional.empty();
        }
        if (target.startsWith("DynamoDB_")) {
            return Optional.of("dynamodb");
        }
        if (target.startsWith("AWSStepFunctions.")) {
            return Optional.of("states");
        }
        if (target.startsWith("AWSEvents.")) {
            return Optional.of("events");
        }
        return Optional.empty();
    }
}
