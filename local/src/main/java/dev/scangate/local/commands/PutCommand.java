package dev.scangate.local.commands;

import dev.scangate.local.commands.port.ObjectStore;
import dev.scangate.local.commands.port.ServiceException;
import dev.scangate.local.commands.progress.ProgressBar;
import dev.scangate.local.commands.progress.Sizes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.tika.Tika;

/**
 * {@code scangate put <file|dir>...}: uploads files to the raw bucket. A directory is uploaded
 * recursively with keys relative to it; a file's key is its name. Every argument is checked
 * before the first byte is sent, so a typo uploads nothing.
 */
public final class PutCommand {

    /** Above either figure a progress bar is worth drawing. */
    static final int BAR_MIN_FILES = 10;
    static final long BAR_MIN_BYTES = 16L * 1024 * 1024;
    /** Without a bar, at most this many per-file lines are printed. */
    static final int MAX_LISTED = 20;
    private static final int MAX_KEY_BYTES = 1024;

    private final ObjectStore objects;
    private final String bucket;
    private final Console console;
    private final int concurrency;
    private final Tika tika = new Tika();

    public PutCommand(ObjectStore objects, String bucket, Console console) {
        this(objects, bucket, console, 8);
    }

    public PutCommand(ObjectStore objects, String bucket, Console console, int concurrency) {
        this.objects = Objects.requireNonNull(objects, "objects");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.console = Objects.requireNonNull(console, "console");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        this.concurrency = concurrency;
    }

    /** One file to upload. */
    record Upload(Path file, String key, long size, String contentType) { }

    /**
     * @param paths files and directories
     * @param prefix key prefix (e.g. {@code landing/2026}; a trailing '/' is added), or null/empty
     */
    public int run(List<Path> paths, String prefix) {
        String keyPrefix = prefix == null || prefix.isEmpty() || prefix.endsWith("/") ? Objects.toString(prefix, "")
                : prefix + "/";
        if (keyPrefix.startsWith("/")) {
            throw new CommandException("Key prefix must not start with '/': " + prefix);
        }
        List<Upload> uploads = plan(paths, keyPrefix);
        long totalBytes = uploads.stream().mapToLong(Upload::size).sum();
        boolean bar = console.interactive() && (uploads.size() >= BAR_MIN_FILES || totalBytes >= BAR_MIN_BYTES);
        ProgressBar progress = new ProgressBar(console.out(), "put", uploads.size(), totalBytes, bar);
        if (!bar) {
            uploads.stream().limit(MAX_LISTED).forEach(u -> console.out().println("  " + u.file() + " -> s3://" + bucket
                    + "/" + u.key() + " (" + Sizes.human(u.size()) + ", " + u.contentType() + ")"));
            if (uploads.size() > MAX_LISTED) {
                console.out().println("  ... and " + (uploads.size() - MAX_LISTED) + " more");
            }
        }
        int done = upload(uploads, progress);
        progress.finish();
        console.out().println("Put " + done + " file" + (done == 1 ? "" : "s") + " (" + Sizes.human(totalBytes)
                + ") into s3://" + bucket + "/" + keyPrefix);
        return ExitCodes.OK;
    }

    List<Upload> plan(List<Path> paths, String keyPrefix) {
        if (paths == null || paths.isEmpty()) {
            throw new CommandException("Nothing to put: give one or more files or directories");
        }
        Map<String, Upload> byKey = new LinkedHashMap<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new CommandException("No such file or directory: " + path);
            }
            if (!Files.isReadable(path)) {
                throw new CommandException("Cannot read " + path + ": permission denied");
            }
            List<Upload> found = Files.isDirectory(path) ? walk(path, keyPrefix)
                    : List.of(upload(path, keyPrefix + path.getFileName()));
            if (found.isEmpty()) {
                throw new CommandException("Nothing to put: directory " + path + " has no files");
            }
            for (Upload u : found) {
                Upload clash = byKey.putIfAbsent(u.key(), u);
                if (clash != null) {
                    throw new CommandException("Two files would get the key " + u.key() + ": " + clash.file() + " and "
                            + u.file() + "; put them separately with different prefixes");
                }
            }
        }
        return List.copyOf(byKey.values());
    }

    private List<Upload> walk(Path dir, String keyPrefix) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().map(f -> upload(f, keyPrefix + key(dir.relativize(f))))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new CommandException("Cannot read directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private Upload upload(Path file, String key) {
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new CommandException("Key too long for S3 (over " + MAX_KEY_BYTES + " bytes): " + key);
        }
        try {
            return new Upload(file, key, Files.size(file), tika.detect(file.getFileName().toString()));
        } catch (IOException e) {
            throw new CommandException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Forward slashes whatever the platform, because the key is an S3 name, not a path. */
    private static String key(Path relative) {
        List<String> parts = new ArrayList<>();
        relative.forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }

    private int upload(List<Upload> uploads, ProgressBar progress) {
        AtomicInteger done = new AtomicInteger();
        long[] sent = new long[1];
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, uploads.size()));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Upload u : uploads) {
                futures.add(pool.submit(() -> {
                    long[] last = new long[1];
                    objects.put(bucket, u.key(), u.file(), u.contentType(), bytes -> {
                        synchronized (sent) {
                            sent[0] += bytes - last[0];
                            last[0] = bytes;
                            progress.bytes(sent[0]);
                        }
                    });
                    synchronized (sent) {
                        done.incrementAndGet();
                        progress.itemDone();
                    }
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                try {
                    futures.get(i).get();
                } catch (ExecutionException e) {
                    progress.finish();
                    throw failure(uploads.get(i), done.get(), uploads.size(), e.getCause());
                }
            }
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("Interrupted after uploading " + done.get() + " of " + uploads.size() + " files", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private CommandException failure(Upload u, int done, int total, Throwable cause) {
        String why = cause instanceof ServiceException s ? Failures.of(s).getMessage() : String.valueOf(cause.getMessage());
        return new CommandException("Upload of " + u.file() + " failed after " + done + " of " + total
                + " files were put (putting again is safe): " + why, cause);
    }
}
