package dev.scangate.local.cli;

import dev.scangate.local.macie.scanner.SensitiveDataScanners;
import dev.scangate.local.macie.scanner.cli.ScanCommandRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scangate scan}: the local Macie scanner on local files, no runtime needed. */
@Command(name = "scan", description = "Scan local files or directories for sensitive data as Amazon Macie would. "
        + "Exit 0: nothing found; 1: findings; 3: a file could not be fully analysed.")
final class ScanCliCommand implements Callable<Integer> {

    @Option(names = "--identifiers", paramLabel = "SPEC", description = "ALL (default), RECOMMENDED, or a comma list of managed identifier ids.")
    String identifiers = "ALL";

    @Option(names = "--json", description = "One JSON line per file: {file, status, finding} (the finding exactly as GetFindings returns it, or null).")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories.")
    List<Path> paths;

    @Override
    public Integer call() {
        return new ScanCommandRunner(SensitiveDataScanners.create(), System.out).run(paths, identifiers, json);
    }
}
