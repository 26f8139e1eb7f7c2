package dev.scangate.local.commands.aws;

import dev.scangate.lambdas.aws.AwsClientFactory;
import dev.scangate.local.commands.ApprovalsCommand;
import dev.scangate.local.commands.CommandDefaults;
import dev.scangate.local.commands.Console;
import dev.scangate.local.commands.ExecutionWatcher;
import dev.scangate.local.commands.PutCommand;
import dev.scangate.local.commands.RedriveCommand;
import dev.scangate.local.commands.ReplayCommand;
import dev.scangate.local.commands.RunCommand;
import dev.scangate.local.commands.RunIds;
import dev.scangate.local.commands.RunsCommand;
import dev.scangate.local.commands.ShowCommand;
import java.io.PrintStream;
import java.net.URI;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Builds the user commands over AWS SDK clients: the local edge endpoint
 * ({@code AwsClientFactory.forEndpoint(URI)}) or real AWS ({@code AwsClientFactory.create()}).
 * Names default to the local runtime's; set them from flags or the stack's outputs for {@code --aws}.
 *
 * <pre>{@code
 * AwsCommands commands = AwsCommands.builder().clients(AwsClientFactory.forEndpoint(edge)).out(System.out).build();
 * int exit = commands.run().run(null, true);
 * }</pre>
 */
public final class AwsCommands implements AutoCloseable {

    private final SfnClient sfn;
    private final S3Client s3;
    private final DynamoDbClient dynamoDb;
    private final SfnExecutions executions;
    private final S3ObjectStore objects;
    private final DynamoDbApprovalRecords approvals;
    private final Console console;
    private final String stateMachineArn;
    private final String rawBucket;
    private final String scanStageBucket;
    private final String approvalTable;

    private AwsCommands(Builder b) {
        this.sfn = Objects.requireNonNull(b.sfn, "sfn client");
        this.s3 = Objects.requireNonNull(b.s3, "s3 client");
        this.dynamoDb = Objects.requireNonNull(b.dynamoDb, "dynamoDb client");
        this.executions = new SfnExecutions(sfn);
        this.objects = new S3ObjectStore(s3);
        this.approvals = new DynamoDbApprovalRecords(dynamoDb);
        this.console = b.console != null ? b.console : Console.create(b.out != null ? b.out : System.out);
        this.stateMachineArn = b.stateMachineArn;
        this.rawBucket = b.rawBucket;
        this.scanStageBucket = b.scanStageBucket;
        this.approvalTable = b.approvalTable;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Local defaults over the clients of {@code AwsClientFactory.forEndpoint(endpoint)}. */
    public static AwsCommands forEndpoint(URI endpoint, PrintStream out) {
        return builder().clients(AwsClientFactory.forEndpoint(endpoint)).out(out).build();
    }

    /** Follows a started run, e.g. after {@link RunCommand#start(String)} in the demo. */
    public ExecutionWatcher watcher() {
        return new ExecutionWatcher(executions, console);
    }

    /** Closes the three SDK clients. */
    @Override
    public void close() {
        sfn.close();
        s3.close();
        dynamoDb.close();
    }

    public PutCommand put() {
        return new PutCommand(objects, rawBucket, console);
    }

    public RunCommand run() {
        return new RunCommand(executions, stateMachineArn, RunIds.create(), console);
    }

    public RunsCommand runs() {
        return new RunsCommand(executions, stateMachineArn, console);
    }

    public ShowCommand show() {
        return new ShowCommand(executions, objects, stateMachineArn, scanStageBucket, console);
    }

    public ApprovalsCommand approvals() {
        return new ApprovalsCommand(approvals, approvalTable, console);
    }

    public ReplayCommand replay() {
        return new ReplayCommand(executions, stateMachineArn, console);
    }

    public RedriveCommand redrive() {
        return new RedriveCommand(executions, stateMachineArn, console);
    }

    public static final class Builder {
        private SfnClient sfn;
        private S3Client s3;
        private DynamoDbClient dynamoDb;
        private PrintStream out;
        private Console console;
        private String stateMachineArn = CommandDefaults.STATE_MACHINE_ARN;
        private String rawBucket = CommandDefaults.RAW_BUCKET;
        private String scanStageBucket = CommandDefaults.SCAN_STAGE_BUCKET;
        private String approvalTable = CommandDefaults.APPROVAL_TABLE;

        private Builder() {
        }

        /** All three clients from one factory. */
        public Builder clients(AwsClientFactory factory) {
            return sfn(factory.sfn()).s3(factory.s3()).dynamoDb(factory.dynamoDb());
        }

        public Builder sfn(SfnClient value) {
            this.sfn = value;
            return this;
        }

        public Builder s3(S3Client value) {
            this.s3 = value;
            return this;
        }

        public Builder dynamoDb(DynamoDbClient value) {
            this.dynamoDb = value;
            return this;
        }

        /** Output stream; the console is interactive when the process has a terminal. */
        public Builder out(PrintStream value) {
            this.out = value;
            return this;
        }

        /** Full control over output, interactivity and polling (wins over {@link #out}). */
        public Builder console(Console value) {
            this.console = value;
            return this;
        }

        public Builder stateMachineArn(String value) {
            this.stateMachineArn = Objects.requireNonNull(value, "stateMachineArn");
            return this;
        }

        public Builder rawBucket(String value) {
            this.rawBucket = Objects.requireNonNull(value, "rawBucket");
            return this;
        }

        public Builder scanStageBucket(String value) {
            this.scanStageBucket = Objects.requireNonNull(value, "scanStageBucket");
            return this;
        }

        public Builder approvalTable(String value) {
            this.approvalTable = Objects.requireNonNull(value, "approvalTable");
            return this;
        }

        public AwsCommands build() {
            return new AwsCommands(this);
        }
    }
}
