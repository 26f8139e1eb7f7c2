package dev.scangate.it.support;

import dev.scangate.local.macie.scanner.ScanResult;
import dev.scangate.local.macie.scanner.ScanSettings;
import dev.scangate.local.macie.scanner.SensitiveDataScanner;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The real scanner, except that the first object waits until the test opens the gate: a Macie
 * job is then reliably still RUNNING when the test acts on it, with no timing guesswork.
 */
public final class GatedScanner implements SensitiveDataScanner {

    private final SensitiveDataScanner delegate;
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch gate = new CountDownLatch(1);

    public GatedScanner(SensitiveDataScanner delegate) {
        this.delegate = delegate;
    }

    @Override
    public ScanResult scan(String objectKey, long sizeBytes, InputStream content, ScanSettings settings) {
        entered.countDown();
        try {
            // bounded, so a test that never opens the gate cannot hang the job thread for ever
            gate.await(Waits.DEFAULT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return delegate.scan(objectKey, sizeBytes, content, settings);
    }

    /** Waits until a job has started scanning its first object. */
    public void awaitScanning() {
        try {
            if (!entered.await(Waits.DEFAULT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("no Macie job started scanning");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public void open() {
        gate.countDown();
    }
}
