package dev.scangate.local.cli;

import dev.scangate.local.macie.scanner.bench.ScannerBenchmark;
import dev.scangate.statemachine.bench.EngineBenchmark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scangate bench ...}: one JSON line per figure, each with its baseline measured in the same run. */
@Command(name = "bench", description = "Run a benchmark; prints one JSON line per figure.",
        subcommands = {BenchCommand.Scanner.class, BenchCommand.EngineBench.class, BenchCommand.Pipeline.class})
final class BenchCommand {

    @Command(name = "scanner", description = "Scanner MB/s on a generated mixed corpus vs a naive one-regex-per-identifier baseline, plus peak heap.")
    static final class Scanner implements Callable<Integer> {
        @Option(names = "--megabytes", paramLabel = "MB", description = "Corpus size (default 256).")
        long megabytes = 256;

        @Override
        public Integer call() {
            if (megabytes < 1) {
                throw new IllegalArgumentException("--megabytes must be at least 1");
            }
            new ScannerBenchmark(megabytes * 1024 * 1024, System.out).run();
            return 0;
        }
    }

    @Command(name = "engine", description = "State transitions per second with persistence on: a Pass/Choice loop and a 10,000-item inline Map.")
    static final class EngineBench implements Callable<Integer> {
        @Option(names = "--loop", paramLabel = "N", description = "Loop iterations (default 5000).")
        int loop = 5000;

        @Option(names = "--map-items", paramLabel = "N", description = "Inline Map items (default 10000).")
        int mapItems = 10_000;

        @Override
        public Integer call() {
            if (loop < 1 || mapItems < 1) {
                throw new IllegalArgumentException("--loop and --map-items must be at least 1");
            }
            try {
                EngineBenchmark.run(Files.createTempDirectory("scangate-bench-engine"), loop, mapItems)
                        .forEach(System.out::println);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temporary directory for the benchmark", e);
            }
            return 0;
        }
    }

    @Command(name = "pipeline", description = "End-to-end clean-path throughput (objects/s, MB/s) on the local runtime, "
            + "with a same-run baseline of sequential copy + delete per key (how the original sample moves objects).")
    static final class Pipeline implements Callable<Integer> {
        @Option(names = "--objects", paramLabel = "N", description = "How many objects (default 1000).")
        int objects = 1000;

        @Option(names = "--size", paramLabel = "SIZE", description = "Object size, e.g. 4KB, 50MB (default 4KB).")
        String size = "4KB";

        @Override
        public Integer call() {
            new PipelineBenchmark(objects, Sizes.parse(size), System.out).run();
            return 0;
        }
    }

    /** Sizes as people write them: 4096, 4KB, 50MB, 1GB (binary units). */
    static final class Sizes {
        private Sizes() {
        }

        static long parse(String text) {
            var m = java.util.regex.Pattern.compile("(?i)\\s*(\\d+)\\s*(B|KB|K|MB|M|GB|G)?\\s*").matcher(text);
            if (!m.matches()) {
                throw new IllegalArgumentException("--size: expected a number with an optional KB, MB or GB, got '" + text + "'");
            }
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(java.util.Locale.ROOT);
            return switch (unit) {
                case "K", "KB" -> n * 1024;
                case "M", "MB" -> n * 1024 * 1024;
                case "G", "GB" -> n * 1024 * 1024 * 1024;
                default -> n;
            };
        }
    }
}
