package dev.scangate.local.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code scangate local ...}: the local runtime. */
@Command(name = "local", description = "Run ScanGate on this machine.",
        subcommands = {LocalUpCommand.class, LocalEnvCommand.class})
final class LocalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "a command is needed: 'scangate local up' or 'scangate local env'");
    }
}
