package dev.scangate.statemachine.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scangate.statemachine.engine.Engine;
import dev.scangate.statemachine.engine.ExecutionInfo;
import dev.scangate.statemachine.engine.ExecutionStatus;
import dev.scangate.statemachine.engine.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Engine throughput, one JSON line per figure: state transitions per second of a Pass/Choice loop
 * and of a 10,000-item inline Map, with persistence on (H2 files under a data directory). Each line
 * carries a baseline measured in the same run: the same workload on an in-memory database.
 */
public final class EngineBenchmark {

    private static final String LOOP = """
            {"QueryLanguage":"JSONata","StartAt":"Init","States":{
             "Init":{"Type":"Pass","Assign":{"i":0},"Next":"Loop"},
             "Loop":{"Type":"Choice","Choices":[{"Condition":"{% $i < $states.input.n %}","Next":"Inc"}],"Default":"Done"},
             "Inc":{"Type":"Pass","Assign":{"i":"{% $i + 1 %}"},"Next":"Loop"},
             "Done":{"Type":"Succeed","Output":"{% {'i': $i} %}"}}}""";
    private static final String MAP = """
            {"QueryLanguage":"JSONata","StartAt":"M","States":{
             "M":{"Type":"Map","Items":"{% $states.input.items %}",
              "ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"Double","States":{
               "Double":{"Type":"Pass","Output":"{% $states.input * 2 %}","End":true}}},
              "Output":"{% {'count': $count($states.result)} %}","End":true}}}""";

    private EngineBenchmark() {
    }

    /** Runs both benchmarks under {@code dataDirectory} and returns their JSON lines. */
    public static List<String> run(Path dataDirectory, int loopIterations, int mapItems) {
        List<String> lines = new ArrayList<>();
        // Loop: per iteration one Choice and one Pass; plus Init, the last Choice and Done.
        long loopTransitions = 2L * loopIterations + 3;
        String loopInput = "{\"n\":" + loopIterations + "}";
        lines.add(measure("engine.passChoiceLoop", LOOP, loopInput, loopTransitions, dataDirectory.resolve("loop")));
        ArrayNode items = Json.MAPPER.createArrayNode();
        for (int i = 0; i < mapItems; i++) {
            items.add(i);
        }
        ObjectNode mapInput = Json.object();
        mapInput.set("items", items);
        lines.add(measure("engine.inlineMap", MAP, Json.write(mapInput), mapItems + 1L, dataDirectory.resolve("map")));
        return lines;
    }

    private static String measure(String name, String definition, String input, long transitions, Path dir) {
        createDirectories(dir);
        double baseline = transitions / runOnce(null, definition, input);
        resetPeaks();
        double seconds = runOnce(dir, definition, input);
        ObjectNode line = Json.object();
        line.put("benchmark", name);
        line.put("persistence", "h2-file");
        line.put("transitions", transitions);
        line.put("seconds", round(seconds));
        line.put("transitionsPerSecond", round(transitions / seconds));
        line.put("baselineTransitionsPerSecond", round(baseline));
        line.put("baseline", "same workload, in-memory database");
        line.put("peakHeapBytes", peakHeap());
        return Json.write(line);
    }

    private static double runOnce(Path dir, String definition, String input) {
        try (Engine engine = Engine.builder().dataDirectory(dir).build().start()) {
            var sm = engine.createStateMachine("bench", definition, "arn:aws:iam::000000000000:role/bench", null);
            long start = System.nanoTime();
            String arn = engine.startExecution(sm.arn(), null, input).executionArn();
            ExecutionInfo done = engine.awaitClosed(arn, Duration.ofMinutes(10));
            double seconds = (System.nanoTime() - start) / 1e9;
            if (done.status() != ExecutionStatus.SUCCEEDED) {
                throw new IllegalStateException("benchmark execution ended " + done.status() + ": " + done.error()
                        + " " + done.cause());
            }
            return seconds;
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static double round(double v) {
        return Math.round(v * 10.0) / 10.0;
    }

    /** {@code EngineBenchmark [dataDirectory] [loopIterations] [mapItems]}. */
    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("scangate-bench");
        int loop = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int map = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        run(dir, loop, map).forEach(System.out::println);
    }
}
