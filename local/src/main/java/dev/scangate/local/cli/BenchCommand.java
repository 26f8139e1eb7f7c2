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
        subcommands = {BenchCommand.Scanner.class, BenchCommand.EngineBench.class})
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
}
