package dev.scangate.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scangate.statemachine.definition.PipelineDefinition;
import org.junit.jupiter.api.Test;

class LocalResourcesTest {

    @Test
    void definitionSubstitutions_fillEveryPlaceholderOfThePipelineAndNothingElse() {
        var values = LocalResources.definitionSubstitutions(LocalConfig.builder().severityThreshold("high").build());
        var definition = PipelineDefinition.load();

        assertThat(values.keySet()).containsExactlyInAnyOrderElementsOf(definition.placeholders());
        String substituted = definition.substitute(values);
        assertThat(substituted).doesNotContain("${")
                .contains("arn:aws:lambda:us-east-1:000000000000:function:scangate-StageObjects")
                .contains("arn:aws:sns:us-east-1:000000000000:scangate-notifications");
        assertThat(values).containsEntry("SeverityThreshold", "HIGH").containsEntry("BackoffFactor", "2");
    }
}
