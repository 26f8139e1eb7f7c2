package dev.scangate.statemachine.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineDefinitionTest {

    static Map<String, String> sampleValues(PipelineDefinition def) {
        Map<String, String> values = new HashMap<>();
        for (String name : def.placeholders()) {
            if (name.endsWith("FunctionArn")) {
                values.put(name, "arn:aws:lambda:us-east-1:000000000000:function:scangate-" + name.replace("FunctionArn", ""));
            } else if (name.endsWith("TopicArn")) {
                values.put(name, "arn:aws:sns:us-east-1:000000000000:scangate-" + name);
            } else if (name.equals("SeverityThreshold")) {
                values.put(name, "MEDIUM");
            } else {
                values.put(name, "2");
            }
        }
        return values;
    }

    @Test
    void placeholders_whenLoaded_listsEveryTunable() {
        var def = PipelineDefinition.load();
        assertThat(def.placeholders()).contains(
                "StageObjectsFunctionArn", "StartScanFunctionArn", "CheckScanFunctionArn",
                "CollectFindingsFunctionArn", "RouteObjectsFunctionArn", "RequestApprovalFunctionArn",
                "ApplyDecisionFunctionArn", "PublishRunEventFunctionArn", "ApprovalTopicArn",
                "NotificationTopicArn", "BackoffFirstSeconds", "BackoffFactor", "BackoffCapSeconds",
                "ApprovalTimeoutSeconds", "SeverityThreshold");
    }

    @Test
    void substitute_whenAllValuesGiven_leavesNoPlaceholderAndValidJson() throws Exception {
        var def = PipelineDefinition.load();
        String text = def.substitute(sampleValues(def));
        assertThat(text).doesNotContain("${");
        var tree = new ObjectMapper().readTree(text);
        assertThat(tree.path("QueryLanguage").asText()).isEqualTo("JSONata");
        assertThat(tree.at("/States/RequestApproval/Resource").asText())
                .isEqualTo("arn:aws:states:::lambda:invoke.waitForTaskToken");
    }

    @Test
    void substitute_whenValueMissing_namesThePlaceholder() {
        var def = PipelineDefinition.load();
        var values = sampleValues(def);
        values.remove("SeverityThreshold");
        assertThatThrownBy(() -> def.substitute(values))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SeverityThreshold");
    }

    @Test
    void substitute_whenUnknownName_isRejected() {
        var def = PipelineDefinition.of("{\"a\": \"${A}\"}");
        assertThatThrownBy(() -> def.substitute(Map.of("A", "1", "B", "2")))
                .hasMessageContaining("B");
    }

    @Test
    void substitute_whenValueHasQuote_isRejected() {
        var def = PipelineDefinition.of("{\"a\": \"${A}\"}");
        assertThatThrownBy(() -> def.substitute(Map.of("A", "x\"y")))
                .hasMessageContaining("A");
    }
}
