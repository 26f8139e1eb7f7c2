package dev.scangate.it.support;

import dev.scangate.local.macie.scanner.ScanResult;
import dev.scangate.local.macie.scanner.ScanSettings;
import dev.scangate.local.macie.scanner.SensitiveDataScanner;
import java.io.InputStream;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The real scanner, except that objects whose key ends with a given suffix make it throw, as a
 * scanner bug would: a {@link RuntimeException} is one object's failure, an {@link Error} (a class
 * that failed to load, say) breaks the whole job run.
 */
public final class FailingScanner implements SensitiveDataScanner {

    private final SensitiveDataScanner delegate;
    private final Map<String, Supplier<? extends Throwable>> failures;

    /** @param failures by key suffix, what scanning such an object throws (a RuntimeException or an Error) */
    public FailingScanner(SensitiveDataScanner delegate, Map<String, Supplier<? extends Throwable>> failures) {
        this.delegate = delegate;
        this.failures = Map.copyOf(failures);
    }

    @Override
    public ScanResult scan(String objectKey, long sizeBytes, InputStream content, ScanSettings settings) {
        for (var failure : failures.entrySet()) {
            if (objectKey.endsWith(failure.getKey())) {
                throw sneaky(failure.getValue().get());
            }
        }
        return delegate.scan(objectKey, sizeBytes, content, settings);
    }

    private static RuntimeException sneaky(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IllegalArgumentException("a scanner can only throw unchecked exceptions, not " + failure);
    }
}
