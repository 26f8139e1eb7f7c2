package dev.scangate.local.cli;

import dev.scangate.local.runtime.LocalConfig;
import dev.scangate.local.runtime.LocalResources;
import dev.scangate.local.runtime.LocalRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * {@code scangate bench pipeline}: clean-path throughput of the whole pipeline on the local
 * runtime (stage, scan, collect, route), and in the same run a baseline that moves the same
 * objects the way the original sample does: one key at a time, copy then delete, raw → scan
 * stage → curated, with no scan at all. One JSON line per figure.
 */
final class PipelineBenchmark {

    private static final byte[] CLEAN_TEXT = ("Quarterly product catalogue: widgets, gadgets and sprockets are listed "
            + "with their colours, sizes and the warehouse aisle where each one is stored.\n").getBytes(StandardCharsets.US_ASCII);

    private static final String PREFIX = "bench/";

    private final int objects;
    private final long sizeBytes;
    private final PrintStream out;

    PipelineBenchmark(int objects, long sizeBytes, PrintStream out) {
        if (objects < 1) {
            throw new IllegalArgumentException("--objects must be at least 1");
        }
        if (sizeBytes < 1 || sizeBytes > 5L * 1024 * 1024 * 1024) {
            throw new IllegalArgumentException("--size must be between 1 byte and 5 GB");
        }
        this.objects = objects;
        this.sizeBytes = sizeBytes;
        this.out = out;
    }

    void run() {
        // Each side gets a fresh runtime: the local S3 slows down as a bucket's key count grows, so
        // sharing buckets would charge one side for the other's objects.
        Measured baseline = measure((s3, sfn) -> sequentialCopyDelete(s3));
        report("pipeline.baselineSequentialCopyDelete", baseline);
        Measured pipeline = measure((s3, sfn) -> runPipeline(sfn));
        report("pipeline.cleanPath", pipeline);
        out.printf(Locale.ROOT, "{\"benchmark\":\"pipeline.speedup\",\"value\":%.2f}%n", baseline.seconds() / pipeline.seconds());
        // the whole JVM (runtime, S3, clients) while the pipeline ran; setup uploads are not counted
        out.printf(Locale.ROOT, "{\"benchmark\":\"pipeline.peakHeapMb\",\"value\":%.1f,\"maxHeapMb\":%.0f}%n",
                pipeline.peakHeapMb(), Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0));
    }

    private record Measured(double seconds, double peakHeapMb) {
    }

    /** Starts a runtime on a temporary data directory, uploads the objects, times {@code work}. */
    private Measured measure(BiConsumer<S3Client, SfnClient> work) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("scangate-bench-pipeline");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary data directory", e);
        }
        LocalConfig config = LocalConfig.builder().dataDir(dataDir).port(0).webPort(0).schedule("off")
                .backoffFirstSeconds(1).backoffFactor(1.5).backoffCapSeconds(5).build();
        try (LocalRuntime runtime = RuntimeAssembly.assemble(config, new PrintStream(PrintStream.nullOutputStream())).build().start();
             S3Client s3 = runtime.clients().s3();
             SfnClient sfn = runtime.clients().sfn()) {
            putAll(s3, PREFIX);
            resetPeakHeap();
            double seconds = time(() -> work.accept(s3, sfn));
            return new Measured(seconds, peakHeapMb());
        } finally {
            deleteQuietly(dataDir);
        }
    }

    /** The objects of a large run take gigabytes; nothing of a benchmark is worth keeping. */
    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory: the OS cleans up what is left
        }
    }

    private void report(String name, Measured measured) {
        double seconds = measured.seconds();
        double peakHeapMb = measured.peakHeapMb();
        out.printf(Locale.ROOT, "{\"benchmark\":\"%s\",\"objects\":%d,\"sizeBytes\":%d,\"seconds\":%.3f,"
                        + "\"objectsPerSecond\":%.1f,\"megabytesPerSecond\":%.2f,\"peakHeapMb\":%.1f}%n",
                name, objects, sizeBytes, seconds, objects / seconds, objects * (double) sizeBytes / (1024 * 1024) / seconds,
                peakHeapMb);
    }

    /** Uploads the objects, each streamed from a generator: no object is ever held whole in heap. */
    private void putAll(S3Client s3, String prefix) {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> puts = new ArrayList<>();
            for (int i = 0; i < objects; i++) {
                String key = prefix + String.format(Locale.ROOT, "part-%06d.txt", i);
                puts.add(pool.submit(() -> s3.putObject(b -> b.bucket(LocalResources.RAW_BUCKET).key(key).contentType("text/plain"),
                        RequestBody.fromContentProvider(() -> content(sizeBytes), sizeBytes, "text/plain"))));
            }
            for (Future<?> put : puts) {
                put.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot put the benchmark objects: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** What the original sample does: per key, copy then delete, raw → stage, then stage → curated. */
    private void sequentialCopyDelete(S3Client s3) {
        for (int i = 0; i < objects; i++) {
            String key = PREFIX + String.format(Locale.ROOT, "part-%06d.txt", i);
            move(s3, LocalResources.RAW_BUCKET, LocalResources.SCAN_STAGE_BUCKET, key);
        }
        for (int i = 0; i < objects; i++) {
            String key = PREFIX + String.format(Locale.ROOT, "part-%06d.txt", i);
            move(s3, LocalResources.SCAN_STAGE_BUCKET, LocalResources.CURATED_BUCKET, key);
        }
    }

    private static void move(S3Client s3, String from, String to, String key) {
        s3.copyObject(b -> b.sourceBucket(from).sourceKey(key).destinationBucket(to).destinationKey(key));
        s3.deleteObject(b -> b.bucket(from).key(key));
    }

    private void runPipeline(SfnClient sfn) {
        String runId = "bench-" + System.currentTimeMillis();
        String arn = sfn.startExecution(b -> b.stateMachineArn(LocalResources.STATE_MACHINE_ARN).name(runId)
                .input("{\"id\":\"" + runId + "\"}")).executionArn();
        while (true) {
            var execution = sfn.describeExecution(b -> b.executionArn(arn));
            if (execution.status() == ExecutionStatus.SUCCEEDED) {
                return;
            }
            if (execution.status() != ExecutionStatus.RUNNING) {
                throw new IllegalStateException("the benchmark run ended " + execution.status() + ": " + execution.error()
                        + " " + execution.cause());
            }
            sleep(Duration.ofMillis(100));
        }
    }

    private static double time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    /** {@code size} bytes of clean text, generated as read. */
    private static InputStream content(long size) {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                return position < size ? CLEAN_TEXT[(int) (position++ % CLEAN_TEXT.length)] : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                if (position >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - position);
                for (int i = 0; i < n; i++) {
                    b[off + i] = CLEAN_TEXT[(int) ((position + i) % CLEAN_TEXT.length)];
                }
                position += n;
                return n;
            }
        };
    }

    private static void resetPeakHeap() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static double peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024.0 * 1024.0);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
