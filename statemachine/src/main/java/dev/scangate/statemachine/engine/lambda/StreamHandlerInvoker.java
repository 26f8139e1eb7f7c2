package dev.scangate.statemachine.engine.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scangate.statemachine.engine.Json;
import dev.scangate.statemachine.engine.StatesError;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link RequestStreamHandler}s in-process, registered by function ARN (a bare function name
 * finds the ARN ending in {@code :function:<name>}). A thrown exception becomes the Lambda Java
 * runtime's error body: {@code errorType} is the exception's fully-qualified class name.
 */
public final class StreamHandlerInvoker implements LambdaInvoker {

    private static final Logger LOG = LoggerFactory.getLogger(StreamHandlerInvoker.class);
    private static final int TIMEOUT_MILLIS = 900_000;

    private final Map<String, RequestStreamHandler> handlers;

    private StreamHandlerInvoker(Builder b) {
        this.handlers = Map.copyOf(b.handlers);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public InvokeResult invoke(String functionArn, byte[] payload) {
        String arn = resolve(functionArn);
        RequestStreamHandler handler = handlers.get(arn);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(payload), out, new LocalContext(arn));
            return InvokeResult.success(out.toByteArray());
        } catch (Exception e) {
            return InvokeResult.unhandled(errorBody(e));
        }
    }

    private String resolve(String function) {
        if (handlers.containsKey(function)) {
            return function;
        }
        for (String arn : handlers.keySet()) {
            if (arn.endsWith(":function:" + function)) {
                return arn;
            }
        }
        throw new StatesError("Lambda.ResourceNotFoundException",
                "Function not found: " + function + " (no in-process handler registered for it)");
    }

    static byte[] errorBody(Throwable e) {
        ObjectNode body = Json.object();
        body.put("errorMessage", e.getMessage());
        body.put("errorType", e.getClass().getName());
        ArrayNode trace = body.putArray("stackTrace");
        StackTraceElement[] elements = e.getStackTrace();
        for (int i = 0; i < Math.min(elements.length, 10); i++) {
            trace.add(elements[i].toString());
        }
        return Json.write(body).getBytes(StandardCharsets.UTF_8);
    }

    public static final class Builder {
        private final Map<String, RequestStreamHandler> handlers = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder register(String functionArn, RequestStreamHandler handler) {
            handlers.put(Objects.requireNonNull(functionArn, "functionArn"), Objects.requireNonNull(handler, "handler"));
            return this;
        }

        public StreamHandlerInvoker build() {
            return new StreamHandlerInvoker(this);
        }
    }

    private static final class LocalContext implements Context {
        private final String arn;
        private final String requestId = UUID.randomUUID().toString();
        private final long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;

        LocalContext(String arn) {
            this.arn = arn;
        }

        @Override
        public String getAwsRequestId() {
            return requestId;
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/" + getFunctionName();
        }

        @Override
        public String getLogStreamName() {
            return "local";
        }

        @Override
        public String getFunctionName() {
            return arn.substring(arn.lastIndexOf(':') + 1);
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return arn;
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return (int) Math.max(0, deadline - System.currentTimeMillis());
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    LOG.info("{}: {}", getFunctionName(), message);
                }

                @Override
                public void log(byte[] message) {
                    log(new String(message, StandardCharsets.UTF_8));
                }
            };
        }
    }
}
