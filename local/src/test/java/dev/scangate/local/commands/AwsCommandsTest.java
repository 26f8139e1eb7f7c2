package dev.scangate.local.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scangate.lambdas.aws.AwsClientFactory;
import dev.scangate.local.commands.SfnStub.Response;
import dev.scangate.local.commands.aws.AwsCommands;
import org.junit.jupiter.api.Test;

class AwsCommandsTest {

    @Test
    void build_whenNamesGiven_commandsUseThem() {
        try (SfnStub sfn = SfnStub.start()) {
            sfn.on("StartExecution", b -> Response.ok("{\"executionArn\":\"" + Fixtures.arn("r") + "\",\"startDate\":1}"));
            TestConsole console = TestConsole.plain();
            String otherMachine = "arn:aws:states:eu-west-1:123456789012:stateMachine:prod-gate";

            try (AwsCommands commands = AwsCommands.builder()
                    .sfn(AwsClientFactory.forEndpoint(sfn.endpoint()).sfn())
                    .s3(S3MockSupport.client())
                    .dynamoDb(AwsClientFactory.forEndpoint(sfn.endpoint()).dynamoDb())
                    .console(console.console())
                    .stateMachineArn(otherMachine)
                    .build()) {
                commands.run().run("r", false);
            }

            assertThat(sfn.calls("StartExecution").get(0).body().path("stateMachineArn").asText()).isEqualTo(otherMachine);
            assertThat(console.output()).startsWith("Started run r\n");
        }
    }
}
