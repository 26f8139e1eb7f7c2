package dev.scangate.local.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code scangate} command. Every error is one line on stderr and a non-zero exit: 1 when the
 * command failed, 2 when it was called wrongly.
 */
@Command(name = "scangate", mixinStandardHelpOptions = true, version = "scangate 0.1.0",
        description = "Keeps sensitive data out of your data lake: Step Functions + Macie, on AWS or on this machine.",
        subcommands = {LocalCommand.class, UserCommands.Put.class, UserCommands.Run.class, UserCommands.Runs.class,
                UserCommands.Show.class, UserCommands.Approvals.class, UserCommands.Replay.class, UserCommands.Redrive.class,
                ScanCliCommand.class, BenchCommand.class, DemoCommand.class})
public final class ScanGateCli implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    static final int FAILED = 1;
    static final int USAGE = 2;

    /** Held so the level sticks: java.util.logging keeps only weak references to loggers. */
    private static final java.util.logging.Logger TOMCAT = java.util.logging.Logger.getLogger("org.apache.catalina");

    public static void main(String[] args) {
        // s3mock's embedded Tomcat reports its own worker threads at shutdown; that is not the user's concern.
        TOMCAT.setLevel(java.util.logging.Level.SEVERE);
        // The step handlers' jar carries its Lambda logging config as logback.xml; the CLI has its own.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "scangate-local-logback.xml");
        }
        int exitCode = execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        System.exit(exitCode);
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "a command is needed, e.g. 'scangate local up'");
    }

    /** Runs one command line with the given output streams and returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return commandLine(out, err).execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        var commandLine = new CommandLine(new ScanGateCli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            cmd.getErr().println("scangate: " + describe(e));
            cmd.getErr().flush();
            return FAILED;
        });
        commandLine.setParameterExceptionHandler((e, args) -> {
            var cmd = e.getCommandLine();
            cmd.getErr().println("scangate: " + e.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
            cmd.getErr().flush();
            return USAGE;
        });
        return commandLine;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
