package dev.scangate.lambdas.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.scangate.lambdas.core.StepInputException;
import dev.scangate.lambdas.core.config.Environment;

/** The account Macie works in: {@code MACIE_ACCOUNT_ID}, else the one in this function's ARN. */
final class AccountIds {

    private AccountIds() {
    }

    static String resolve(Environment environment, Context context) {
        var configured = environment.optional("MACIE_ACCOUNT_ID");
        if (configured.isPresent()) {
            return configured.get();
        }
        var arn = context == null ? null : context.getInvokedFunctionArn();
        var parts = arn == null ? new String[0] : arn.split(":");
        if (parts.length > 4 && parts[4].matches("\\d{12}")) {
            return parts[4];
        }
        throw new StepInputException("MACIE_ACCOUNT_ID", "is required when the function ARN does not name an account");
    }
}
