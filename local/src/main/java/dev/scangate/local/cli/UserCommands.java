package dev.scangate.local.cli;

import dev.scangate.local.commands.CommandException;
import dev.scangate.local.commands.RunsCommand;
import dev.scangate.local.commands.aws.AwsCommands;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The picocli faces of the user commands in {@code dev.scangate.local.commands}. */
final class UserCommands {

    private UserCommands() {
    }

    /** Runs one command over the chosen target; a {@link CommandException} is its one-line error. */
    static int execute(TargetOptions target, Function<AwsCommands, Integer> command) {
        PrintStream out = System.out;
        try (AwsCommands commands = target.commands(out)) {
            return command.apply(commands);
        } catch (CommandException e) {
            System.err.println("scangate: " + e.getMessage());
            return e.exitCode();
        }
    }

    @Command(name = "put", description = "Put files or directories into the raw bucket.")
    static final class Put implements Callable<Integer> {
        @Mixin TargetOptions target = new TargetOptions();
        @Option(names = "--prefix", paramLabel = "PREFIX", description = "Key prefix for the uploaded objects.")
        String prefix;
        @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories.")
        List<Path> paths;

        @Override
        public Integer call() {
            return execute(target, c -> c.put().run(paths, prefix));
        }
    }

    @Command(name = "run", description = "Start a pipeline run.")
    static final class Run implements Callable<Integer> {
        @Mixin TargetOptions target = new TargetOptions();
        @Option(names = "--id", paramLabel = "RUN_ID", description = "Run id (default: generated).")
        String runId;
        @Option(names = "--wait", description = "Follow the run until it ends or waits for approval.")
        boolean wait;

        @Override
        public Integer call() {
            return execute(target, c -> c.run().run(runId, wait));
        }
    }

    @Command(name = "runs", description = "List pipeline runs, newest first.")
    static final class Runs implements Callable<Integer> {
        @Mixin TargetOptions target = new TargetOptions();
        @Option(names = "--limit", paramLabel = "N", description = "How many runs (default 20).")
        int limit = RunsCommand.DEFAULT_LIMIT;

        @Override
        public Integer call() {
            return execute(target, c -> c.runs().run(limit));
        }
    }

    @Command(name = "show", description = "Show one run: status, state path, where each object went.")
    static final class Show implements Callable<Integer> {
        @Mixin TargetOptions target = new TargetOptions();
        @Parameters(paramLabel = "RUN", description = "Run id, execution name or execution ARN.")
        String run;

        @Override
        public Integer call() {
            return execute(target, c -> c.show().run(run));
        }
    }

    @Command(name = "approvals", description = "List pending approvals.")
    static final class Approvals implements Callable<Integer> {
        @Mixin TargetOptions target = new TargetOptions();

        @Override
        public Integer call() {
            return execute(target, c -> c.approvals().run());
        }
    }

    @Command(name = "replay", description = "Re-run a run with the same input (it resumes the same run id).")
    static final class Replay implements Callable<Integer> {
        @Mixin TargetOptions target = new TargetOptions();
        @Option(names = "--wait", description = "Follow the run.")
        boolean wait;
        @Parameters(paramLabel = "RUN", description = "Run id, execution name or execution ARN.")
        String run;

        @Override
        public Integer call() {
            return execute(target, c -> c.replay().run(run, wait));
        }
    }

    @Command(name = "redrive", description = "Redrive a failed run from the step that failed.")
    static final class Redrive implements Callable<Integer> {
        @Mixin TargetOptions target = new TargetOptions();
        @Option(names = "--wait", description = "Follow the run.")
        boolean wait;
        @Parameters(paramLabel = "RUN", description = "Run id, execution name or execution ARN.")
        String run;

        @Override
        public Integer call() {
            return execute(target, c -> c.redrive().run(run, wait));
        }
    }
}
