package dev.scangate.lambdas.core.run;

import dev.scangate.lambdas.core.RetryableStepException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.slf4j.MDC;

/**
 * Runs a function over items with bounded concurrency, in waves, so a chunked step can stop
 * between waves when its time is nearly up and every item before its cursor is finished.
 */
public final class Batches {

    private Batches() {
    }

    /** Results of {@link #run}: one per processed item, in item order. */
    public record Progress<R>(List<R> results, int processed) {
    }

    /**
     * Processes {@code items} from {@code from}, at most {@code limit} of them, {@code concurrency}
     * at a time, stopping early between waves when {@code deadline} is nearly up (always at least
     * one wave, so a step always makes progress).
     */
    public static <T, R> Progress<R> run(List<T> items, int from, int limit, int concurrency, Deadline deadline,
                                         Function<T, R> work) {
        int end = (int) Math.min(items.size(), (long) from + limit);
        int wave = Math.max(1, concurrency * 4);
        var results = new ArrayList<R>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, concurrency), runnable -> {
            var thread = new Thread(runnable, "scangate-move");
            thread.setDaemon(true);
            return thread;
        });
        try {
            int next = from;
            while (next < end) {
                if (next > from && deadline.nearlyUp()) {
                    break;
                }
                int waveEnd = Math.min(end, next + wave);
                var futures = new ArrayList<Future<R>>();
                var logContext = MDC.getCopyOfContextMap();
                for (T item : items.subList(next, waveEnd)) {
                    futures.add(pool.submit(() -> {
                        // Worker logs carry the run id too.
                        if (logContext != null) {
                            MDC.setContextMap(logContext);
                        }
                        try {
                            return work.apply(item);
                        } finally {
                            MDC.clear();
                        }
                    }));
                }
                RuntimeException failure = null;
                for (var future : futures) {
                    try {
                        results.add(future.get());
                    } catch (ExecutionException e) {
                        if (failure == null) {
                            failure = e.getCause() instanceof RuntimeException runtime
                                    ? runtime : new IllegalStateException(e.getCause());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new RetryableStepException("interrupted while moving objects", e);
                    }
                }
                if (failure != null) {
                    throw failure;
                }
                next = waveEnd;
            }
            return new Progress<>(results, next - from);
        } finally {
            pool.shutdownNow();
        }
    }
}
