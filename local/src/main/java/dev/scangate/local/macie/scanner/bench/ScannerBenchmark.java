package dev.scangate.local.macie.scanner.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scangate.local.macie.scanner.ScanResult;
import dev.scangate.local.macie.scanner.ScanSettings;
import dev.scangate.local.macie.scanner.SensitiveDataScanner;
import dev.scangate.local.macie.scanner.SensitiveDataScanners;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code scangate bench scanner}: generates a mixed corpus (prose, CSV, JSON, logs with sparse
 * sensitive data) in a temporary directory, then measures on one thread the scanner (ALL managed
 * identifiers) and a naive baseline that runs one {@code java.util.regex} pass per identifier over
 * the same files. Prints one JSON line per figure: both throughputs (per CPU-second of the scanning
 * thread, i.e. on one core, and per wall-clock second), the speed-up, and the peak heap used while the
 * scanner ran.
 */
public final class ScannerBenchmark {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long FILE_BYTES = 4L << 20;
    private static final String[] WORDS = ("the of and to in is was for on that with as by at from his her "
            + "their which this be are were an have has had not but or all new more one two data lake object "
            + "bucket report quarter revenue customer order shipment invoice policy review system service "
            + "request response network storage region cluster pipeline engineer manager analysis result "
            + "project budget forecast market product feature release version update meeting schedule").split(" ");

    /** One regex per identifier, the way a naive scanner would look for them. */
    static final List<Pattern> NAIVE_PATTERNS = Stream.of(
            "\\b(?:\\d[ -]?){13,19}\\b", "\\b\\d{3}-\\d{2}-\\d{4}\\b", "\\b9\\d{2}-[7-9]\\d-\\d{4}\\b",
            "\\(?\\b\\d{3}\\)?[ .-]?\\d{3}[ .-]\\d{4}\\b", "\\b[A-Z]{2}\\d{2}[A-Z0-9]{11,30}\\b",
            "(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])", "eyJ[A-Za-z0-9_-]+\\.eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*",
            "-----BEGIN [A-Z ]*PRIVATE KEY", "\\b[sr]k_live_[A-Za-z0-9]{24,}", "AIza[A-Za-z0-9_-]{35}",
            "(?i)authorization:\\s*basic\\s+[A-Za-z0-9+/=]+", "(?i)(?:set-)?cookie:\\s*[^=\\s]+=",
            "\\b[A-CEGHJ-PR-TW-Z]{2}\\d{6}[A-D]\\b", "\\b\\d{3} ?\\d{3} ?\\d{4}\\b", "\\b\\d{3}[ -]\\d{3}[ -]\\d{3}\\b",
            "\\b[A-HJ-NPR-Z0-9]{17}\\b", "\\b[1-9][A-Z][A-Z0-9]\\d[A-Z][A-Z0-9]\\d[A-Z]{2}\\d{2}\\b",
            "\\b\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}\\b", "-?\\d{1,2}\\.\\d{4,},\\s?-?\\d{1,3}\\.\\d{4,}",
            "\\b[A-Z][a-z]+ [A-Z][a-z]+\\b", "\\b[A-Z][a-z]+, [A-Z]{2} \\d{5}\\b", "\\b[A-Z]?\\d{8,9}\\b",
            "\\b[A-Z]\\d{4,14}\\b", "\\b\\d{9,17}\\b", "(?i)cvv:?\\s*\\d{3,4}", "\\b[12]\\d{9}\\b",
            "(?i)(?:exp|expiry)\\s*\\d{2}/\\d{2}").map(Pattern::compile).toList();

    private final long corpusBytes;
    private final PrintStream out;

    /** @param corpusBytes how much to generate (≥256 MiB for the published figure; tests use a few MiB) */
    public ScannerBenchmark(long corpusBytes, PrintStream out) {
        this.corpusBytes = corpusBytes;
        this.out = out;
    }

    public static void main(String[] args) {
        long mb = args.length > 0 ? Long.parseLong(args[0]) : 256;
        new ScannerBenchmark(mb << 20, System.out).run();
    }

    /** Generates the corpus, measures, prints the figures and deletes the corpus. */
    public void run() {
        Path dir;
        try {
            dir = Files.createTempDirectory("scangate-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the corpus directory", e);
        }
        try {
            List<Path> files = generate(dir, corpusBytes, new Random(42));
            long bytes = 0;
            for (Path f : files) {
                bytes += size(f);
            }
            SensitiveDataScanner scanner = SensitiveDataScanners.create();
            ScanSettings all = ScanSettings.of(ScanSettings.ManagedSelector.ALL);
            scanOnce(scanner, files.get(0), all); // class loading and first JIT tiers out of the timing

            resetPeaks();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            long findings = 0;
            for (Path f : files) {
                findings += scanOnce(scanner, f, all).hasFinding() ? 1 : 0;
            }
            double scanSeconds = (System.nanoTime() - t0) / 1e9;
            double scanCpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
            long peakHeap = peakHeapBytes();

            long c1 = threads.getCurrentThreadCpuTime();
            long t1 = System.nanoTime();
            long naiveMatches = 0;
            for (Path f : files) {
                naiveMatches += naive(f);
            }
            double naiveSeconds = (System.nanoTime() - t1) / 1e9;
            double naiveCpu = (threads.getCurrentThreadCpuTime() - c1) / 1e9;

            // Throughput per CPU-second of the scanning thread is "MB/s on one core" and does not
            // depend on what else the machine runs; wall-clock figures are printed alongside.
            double scanMbs = bytes / 1e6 / scanCpu;
            double naiveMbs = bytes / 1e6 / naiveCpu;
            print(figure("scanner").put("bytes", bytes).put("cpuSeconds", round(scanCpu))
                    .put("mbPerSecond", round(scanMbs)).put("wallSeconds", round(scanSeconds))
                    .put("wallMbPerSecond", round(bytes / 1e6 / scanSeconds))
                    .put("objectsWithFindings", findings).put("files", files.size()));
            print(figure("naiveRegexBaseline").put("bytes", bytes).put("cpuSeconds", round(naiveCpu))
                    .put("mbPerSecond", round(naiveMbs)).put("wallSeconds", round(naiveSeconds))
                    .put("wallMbPerSecond", round(bytes / 1e6 / naiveSeconds)).put("matches", naiveMatches)
                    .put("patterns", NAIVE_PATTERNS.size()));
            print(figure("speedup").put("value", round(scanMbs / naiveMbs)));
            print(figure("peakHeapMb").put("value", round(peakHeap / 1e6)));
        } finally {
            delete(dir);
        }
    }

    private static ScanResult scanOnce(SensitiveDataScanner scanner, Path f, ScanSettings settings) {
        try (InputStream in = Files.newInputStream(f)) {
            return scanner.scan(f.getFileName().toString(), Files.size(f), in, settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long naive(Path f) {
        long matches = 0;
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                for (Pattern p : NAIVE_PATTERNS) {
                    Matcher m = p.matcher(line);
                    while (m.find()) {
                        matches++;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return matches;
    }

    // ---------------------------------------------------------------- corpus

    static List<Path> generate(Path dir, long total, Random rnd) {
        List<Path> files = new ArrayList<>();
        long written = 0;
        int n = 0;
        String[] kinds = {"txt", "csv", "json", "log"};
        while (written < total) {
            String kind = kinds[n % kinds.length];
            Path f = dir.resolve(String.format("file-%05d.%s", n, kind));
            long target = Math.min(FILE_BYTES, total - written);
            try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
                switch (kind) {
                    case "txt" -> prose(w, target, rnd);
                    case "csv" -> csv(w, target, rnd);
                    case "json" -> json(w, target, rnd);
                    default -> log(w, target, rnd);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            written += size(f);
            files.add(f);
            n++;
        }
        return files;
    }

    private static final String[] SENSITIVE = {
        "customer ssn 123-45-6789 on file", "visa card number 4539 1488 0343 6467",
        "aws_secret_access_key=Zx9kQ2mW7pLr4Tn8Vb1Yc6Hd3Jf5Gs0Ae2Ku9Mi7", "contact John Smith for details",
        "phone (312) 555-0142", "IBAN DE89370400440532013000", "DOB: 1985-03-12",
    };

    private static String sentence(Random rnd, StringBuilder sb) {
        sb.setLength(0);
        int words = 8 + rnd.nextInt(12);
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            String w = WORDS[rnd.nextInt(WORDS.length)];
            if (i == 0) {
                sb.append(Character.toUpperCase(w.charAt(0))).append(w, 1, w.length());
            } else {
                sb.append(w);
            }
        }
        return sb.append('.').toString();
    }

    private static void prose(BufferedWriter w, long target, Random rnd) throws IOException {
        StringBuilder sb = new StringBuilder();
        long n = 0;
        int line = 0;
        while (n < target) {
            String s = ++line % 800 == 0 ? SENSITIVE[rnd.nextInt(SENSITIVE.length)] : sentence(rnd, sb)
                    + " " + sentence(rnd, sb);
            w.write(s);
            w.write('\n');
            n += s.length() + 1;
        }
    }

    private static void csv(BufferedWriter w, long target, Random rnd) throws IOException {
        w.write("id,created,amount,region,status,notes\n");
        long n = 0;
        int row = 0;
        StringBuilder sb = new StringBuilder();
        while (n < target) {
            row++;
            String notes = row % 1000 == 0 ? SENSITIVE[rnd.nextInt(SENSITIVE.length)] : WORDS[rnd.nextInt(WORDS.length)]
                    + " " + WORDS[rnd.nextInt(WORDS.length)];
            String s = row + ",2025-" + (1 + rnd.nextInt(12)) + "-" + (1 + rnd.nextInt(28)) + ","
                    + rnd.nextInt(100000) / 100.0 + ",eu-west-" + (1 + rnd.nextInt(3)) + ",OK,\"" + notes + "\"\n";
            w.write(s);
            n += s.length();
        }
        sb.setLength(0);
    }

    private static void json(BufferedWriter w, long target, Random rnd) throws IOException {
        w.write("{\"records\":[\n");
        long n = 0;
        int i = 0;
        StringBuilder sb = new StringBuilder();
        while (n < target) {
            String comment = ++i % 1000 == 0 ? SENSITIVE[rnd.nextInt(SENSITIVE.length)] : sentence(rnd, sb);
            String s = (i > 1 ? ",\n" : "") + "{\"id\":" + i + ",\"sku\":\"SKU-" + rnd.nextInt(99999)
                    + "\",\"qty\":" + rnd.nextInt(50) + ",\"price\":" + rnd.nextInt(100000) / 100.0
                    + ",\"comment\":\"" + comment + "\"}";
            w.write(s);
            n += s.length();
        }
        w.write("\n]}\n");
    }

    private static void log(BufferedWriter w, long target, Random rnd) throws IOException {
        long n = 0;
        int i = 0;
        StringBuilder sb = new StringBuilder();
        while (n < target) {
            i++;
            String msg = i % 1000 == 0 ? SENSITIVE[rnd.nextInt(SENSITIVE.length)] : sentence(rnd, sb);
            String s = String.format("2025-11-%02d %02d:%02d:%02d.%03d INFO [worker-%d] 10.0.%d.%d %s latency=%dms%n",
                    1 + rnd.nextInt(28), rnd.nextInt(24), rnd.nextInt(60), rnd.nextInt(60), rnd.nextInt(1000),
                    rnd.nextInt(16), rnd.nextInt(256), rnd.nextInt(256), msg, rnd.nextInt(900));
            w.write(s);
            n += s.length();
        }
    }

    // ---------------------------------------------------------------- helpers

    private static ObjectNode figure(String name) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("benchmark", "scanner");
        n.put("figure", name);
        return n;
    }

    private void print(ObjectNode n) {
        out.println(n.toString());
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    private static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
