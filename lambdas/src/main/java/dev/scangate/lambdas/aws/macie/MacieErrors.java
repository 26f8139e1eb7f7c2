package dev.scangate.lambdas.aws.macie;

import dev.scangate.lambdas.core.RetryableStepException;
import dev.scangate.lambdas.core.StepInputException;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.macie2.model.InternalServerException;
import software.amazon.awssdk.services.macie2.model.Macie2Exception;
import software.amazon.awssdk.services.macie2.model.ResourceNotFoundException;
import software.amazon.awssdk.services.macie2.model.ThrottlingException;

/** Turns Macie SDK errors into ours: throttling and outages are retried, the rest fail closed. */
final class MacieErrors {

    private MacieErrors() {
    }

    static <T> T call(String what, String jobId, Supplier<T> action) {
        try {
            return action.get();
        } catch (ThrottlingException | InternalServerException e) {
            throw new RetryableStepException("Macie " + what + " failed transiently: " + message(e), e);
        } catch (ResourceNotFoundException e) {
            var error = new StepInputException("jobId", "Macie has no job '" + jobId + "' (" + message(e) + ")");
            error.initCause(e);
            throw error;
        } catch (Macie2Exception e) {
            throw new MacieException("Macie " + what + " failed: " + message(e), e);
        } catch (SdkClientException e) {
            throw new RetryableStepException("Macie could not be reached for " + what + ": " + e.getMessage(), e);
        }
    }

    private static String message(Macie2Exception e) {
        var details = e.awsErrorDetails();
        return details == null ? e.getMessage() : details.errorCode() + ": " + details.errorMessage();
    }

    /** A Macie error retrying will not fix (validation, access, quota). */
    static final class MacieException extends RuntimeException {
        MacieException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
