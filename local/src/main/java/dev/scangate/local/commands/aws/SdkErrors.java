package dev.scangate.local.commands.aws;

import dev.scangate.local.commands.port.ServiceException;
import dev.scangate.local.commands.port.ServiceException.Kind;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns SDK exceptions into {@link ServiceException}s that read well on one line. */
final class SdkErrors {

    private static final Set<String> ACCESS_CODES = Set.of(
            "AccessDenied", "AccessDeniedException", "UnrecognizedClientException", "InvalidClientTokenId",
            "ExpiredToken", "ExpiredTokenException", "InvalidSignatureException", "SignatureDoesNotMatch");

    private SdkErrors() {
    }

    static ServiceException translate(SdkException e, String action, Optional<URI> endpoint) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails() == null ? service.getMessage()
                    : service.awsErrorDetails().errorMessage();
            Kind kind = code != null && ACCESS_CODES.contains(code) ? Kind.ACCESS_DENIED
                    : service.statusCode() == 404 ? Kind.NOT_FOUND
                    : service.statusCode() == 400 ? Kind.INVALID_REQUEST
                    : Kind.OTHER;
            return new ServiceException(kind, action + " failed: " + (code == null ? "HTTP " + service.statusCode() : code)
                    + (message == null || message.isBlank() ? "" : " (" + oneLine(message) + ")"), e);
        }
        if (e instanceof SdkClientException) {
            String where = endpoint.map(u -> " at " + u).orElse("");
            return new ServiceException(Kind.UNREACHABLE, action + " failed: cannot reach the service" + where
                    + endpoint.map(u -> " (is `scangate local up` running?)").orElse("")
                    + ": " + oneLine(rootMessage(e)), e);
        }
        return new ServiceException(Kind.OTHER, action + " failed: " + oneLine(rootMessage(e)), e);
    }

    /** The client's endpoint override; in-process clients that cannot say answer empty. */
    static Optional<URI> endpointOf(SdkClient client) {
        try {
            return client.serviceClientConfiguration().endpointOverride();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static ServiceException of(Kind kind, String message, SdkException e) {
        return new ServiceException(kind, message, e);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }
}
