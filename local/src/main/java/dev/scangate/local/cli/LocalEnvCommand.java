package dev.scangate.local.cli;

import dev.scangate.local.runtime.LocalConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Prints the shell exports that point the AWS CLI and SDKs at the local edge endpoint. */
@Command(name = "env", description = "Print the exports that point the AWS CLI and SDKs at the local runtime: eval \"$(scangate local env)\".")
final class LocalEnvCommand implements Callable<Integer> {

    @Mixin
    RuntimeOptions options = new RuntimeOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LocalConfig config = options.toConfig();
        var out = spec.commandLine().getOut();
        out.println("export AWS_ENDPOINT_URL=http://" + LocalConfig.HOST + ":" + config.port());
        out.println("export AWS_REGION=" + LocalConfig.REGION);
        out.println("export AWS_DEFAULT_REGION=" + LocalConfig.REGION);
        // the local services accept any credentials; these keep SDKs from looking for real ones
        out.println("export AWS_ACCESS_KEY_ID=test");
        out.println("export AWS_SECRET_ACCESS_KEY=test");
        out.println("unset AWS_SESSION_TOKEN AWS_PROFILE");
        out.flush();
        return 0;
    }
}
