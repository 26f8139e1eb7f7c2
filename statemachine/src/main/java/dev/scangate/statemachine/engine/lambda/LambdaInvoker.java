package dev.scangate.statemachine.engine.lambda;

/** Invokes a Lambda function by ARN, synchronously, as the Lambda Invoke API does. */
@FunctionalInterface
public interface LambdaInvoker {

    /**
     * A handler error is not thrown: it is an {@link InvokeResult} with {@code functionError}
     * set and the runtime's error body ({@code errorMessage}, {@code errorType}, {@code stackTrace}).
     * An unknown function is a {@link dev.scangate.statemachine.engine.StatesError}
     * {@code Lambda.ResourceNotFoundException}.
     */
    InvokeResult invoke(String functionArn, byte[] payload);
}
