package dev.scangate.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scangate.statemachine.definition.PipelineDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The definition the stack deploys, with its substitutions resolved, passes asl-validator. */
class AslValidatorTest {

    @Test
    void synthesizedDefinition_whenSubstitutedWithSampleValues_passesAslValidator(@TempDir Path dir) throws Exception {
        SynthFixture synth = new SynthFixture(Map.of());
        JsonNode props = new ObjectMapper().valueToTree(synth.template.toJSON()).get("Resources").findParent("DefinitionString");
        Map<String, String> sample = new TreeMap<>();
        props.get("DefinitionSubstitutions").fields().forEachRemaining(e -> sample.put(e.getKey(), e.getValue().isTextual()
                ? e.getValue().asText()
                : sampleArn(e.getKey())));
        Path file = dir.resolve("pipeline.asl.json");
        Files.writeString(file, PipelineDefinition.of(props.get("DefinitionString").asText()).substitute(sample));

        NodeTool.Result result = NodeTool.run("asl-validator", Map.of(), List.of(), "--json-path", file.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void aslValidator_whenDefinitionBroken_rejectsIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.asl.json");
        Files.writeString(file, "{\"StartAt\":\"Missing\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}");

        NodeTool.Result result = NodeTool.run("asl-validator", Map.of(), List.of(), "--json-path", file.toString());

        assertThat(result.exitCode()).as(result.output()).isNotZero();
    }

    private static String sampleArn(String placeholder) {
        return placeholder.endsWith("TopicArn")
                ? "arn:aws:sns:us-east-1:123456789012:" + placeholder
                : "arn:aws:lambda:us-east-1:123456789012:function:" + placeholder;
    }
}
