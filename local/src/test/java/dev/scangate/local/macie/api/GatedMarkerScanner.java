package dev.scangate.local.macie.api;

import dev.scangate.local.macie.scanner.ScanResult;
import dev.scangate.local.macie.scanner.ScanSettings;
import dev.scangate.local.macie.scanner.SensitiveDataScanner;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link MarkerScanner}, except that one scan waits until the test opens the gate, so a job is
 * surely in the middle of its objects when the test stops or cancels it. Interrupted while it waits,
 * the scan fails as an interrupted read would.
 */
final class GatedMarkerScanner implements SensitiveDataScanner {

    private final SensitiveDataScanner delegate = new MarkerScanner();
    private final int gatedScan;
    private final AtomicInteger scans = new AtomicInteger();
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch gate = new CountDownLatch(1);

    /** @param gatedScan which scan (1 = the first) waits at the gate */
    GatedMarkerScanner(int gatedScan) {
        this.gatedScan = gatedScan;
    }

    @Override
    public ScanResult scan(String objectKey, long sizeBytes, InputStream content, ScanSettings settings) {
        if (scans.incrementAndGet() == gatedScan) {
            held.countDown();
            try {
                // bounded, so a test that never opens the gate cannot hang the job thread for ever
                if (!gate.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never opened the gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UncheckedIOException(new InterruptedIOException("scan of " + objectKey + " interrupted"));
            }
        }
        return delegate.scan(objectKey, sizeBytes, content, settings);
    }

    /** Waits until a scan is held at the gate. */
    void awaitHeld() {
        try {
            if (!held.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("no scan reached the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    void open() {
        gate.countDown();
    }
}
