package dev.scangate.local.cli;

import dev.scangate.lambdas.aws.AwsClientFactory;
import dev.scangate.local.commands.CommandDefaults;
import dev.scangate.local.commands.aws.AwsCommands;
import java.io.PrintStream;
import java.net.URI;
import picocli.CommandLine.Option;

/**
 * Where a user command sends its calls: the local edge endpoint (default) or, with {@code --aws},
 * the account and region of the usual AWS configuration. On AWS the resource names come from the
 * stack outputs, so they are flags there.
 */
final class TargetOptions {

    @Option(names = "--aws", description = "Talk to AWS (profile and region from the usual AWS configuration) instead of the local runtime.")
    boolean aws;

    @Option(names = "--port", paramLabel = "PORT", description = "Local edge endpoint port (default 4566).")
    int port = 4566;

    @Option(names = "--state-machine", paramLabel = "ARN", description = "State machine ARN (stack output on AWS).")
    String stateMachineArn;

    @Option(names = "--raw-bucket", paramLabel = "NAME", description = "Raw bucket (stack output on AWS).")
    String rawBucket;

    @Option(names = "--scan-stage-bucket", paramLabel = "NAME", description = "Scan-stage bucket (stack output on AWS).")
    String scanStageBucket;

    @Option(names = "--approval-table", paramLabel = "NAME", description = "Approval table (stack output on AWS).")
    String approvalTable;

    AwsCommands commands(PrintStream out) {
        var builder = AwsCommands.builder()
                .clients(aws ? AwsClientFactory.create() : AwsClientFactory.forEndpoint(URI.create("http://127.0.0.1:" + port)))
                .out(out)
                .stateMachineArn(orDefault(stateMachineArn, CommandDefaults.STATE_MACHINE_ARN, "--state-machine"))
                .rawBucket(orDefault(rawBucket, CommandDefaults.RAW_BUCKET, "--raw-bucket"))
                .scanStageBucket(orDefault(scanStageBucket, CommandDefaults.SCAN_STAGE_BUCKET, "--scan-stage-bucket"))
                .approvalTable(orDefault(approvalTable, CommandDefaults.APPROVAL_TABLE, "--approval-table"));
        return builder.build();
    }

    private String orDefault(String value, String localDefault, String flag) {
        if (value != null && !value.isBlank()) {
            return value;
        }
        if (aws) {
            throw new IllegalArgumentException(flag + " is required with --aws (see the stack outputs)");
        }
        return localDefault;
    }
}
