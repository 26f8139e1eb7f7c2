package dev.scangate.infra;

import dev.scangate.infra.config.LambdaJars;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a pinned tool from the repository's node_modules/.bin (installed by .ci/setup). */
final class NodeTool {

    record Result(int exitCode, String output) {
    }

    static final Path ROOT = LambdaJars.repositoryRoot(Path.of(""));

    private NodeTool() {
    }

    static Result run(String tool, Map<String, String> env, List<String> envToRemove, String... args) {
        Path bin = ROOT.resolve("node_modules/.bin").resolve(tool);
        if (!Files.isExecutable(bin)) {
            throw new AssertionError(bin + " is missing: run `npm install --no-audit --no-fund` at " + ROOT + " (.ci/setup does)");
        }
        List<String> command = new ArrayList<>();
        command.add(bin.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        envToRemove.forEach(builder.environment()::remove);
        builder.environment().putAll(env);
        try {
            Path log = Files.createTempFile("scangate-" + tool, ".log");
            builder.redirectOutput(log.toFile());
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(tool + " did not finish within 10 minutes");
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
