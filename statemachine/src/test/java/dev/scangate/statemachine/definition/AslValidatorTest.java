package dev.scangate.statemachine.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AslValidatorTest {

    @Test
    void validate_whenPipelineDefinition_hasNoProblemsBeforeOrAfterSubstitution() {
        var def = PipelineDefinition.load();
        assertThat(def.validate()).isEmpty();
        assertThat(AslValidator.validate(def.substitute(PipelineDefinitionTest.sampleValues(def)))).isEmpty();
    }

    @Test
    void validate_whenNextTargetMissing_pointsAtTheField() {
        List<AslProblem> problems = AslValidator.validate("""
                {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Nowhere"}}}""");
        assertThat(problems).extracting(AslProblem::location).contains("/States/A/Next");
        assertThat(problems).extracting(AslProblem::code).contains("MISSING_TRANSITION_TARGET");
    }

    @Test
    void validate_whenJsonPathStateInsideJsonataMachine_isRejected() {
        List<AslProblem> problems = AslValidator.validate("""
                {"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","QueryLanguage":"JSONPath","End":true}}}""");
        assertThat(problems).extracting(AslProblem::location).containsExactly("/States/A/QueryLanguage");
    }

    @Test
    void validate_whenJsonataStateUsesJsonPathFields_namesEachField() {
        List<AslProblem> problems = AslValidator.validate("""
                {"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","InputPath":"$.x",
                 "Output":{"a.$":"$.b"},"End":true}}}""");
        assertThat(problems).extracting(AslProblem::location).contains("/States/A/InputPath", "/States/A/Output/a.$");
    }

    @Test
    void validate_whenExpressionDoesNotParse_pointsAtIt() {
        List<AslProblem> problems = AslValidator.validate("""
                {"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","Output":{"x":"{% 1 + %}"},"End":true}}}""");
        assertThat(problems).extracting(AslProblem::location).containsExactly("/States/A/Output/x");
    }

    @Test
    void validate_whenStatesAllNotLast_andStateUnreachable_reportsBoth() {
        List<AslProblem> problems = AslValidator.validate("""
                {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                 "Retry":[{"ErrorEquals":["States.ALL"]},{"ErrorEquals":["X"]}],"End":true},
                 "Orphan":{"Type":"Succeed"}}}""");
        assertThat(problems).extracting(AslProblem::location).contains("/States/A/Retry/0/ErrorEquals", "/States/Orphan");
    }

    @Test
    void validate_whenNotJson_saysSo() {
        assertThat(AslValidator.validate("{nope")).singleElement()
                .satisfies(p -> assertThat(p.code()).isEqualTo("INVALID_JSON_DESCRIPTION"));
    }

    @Test
    void validate_whenNestedMapProblem_usesTheNestedPointer() {
        List<AslProblem> problems = AslValidator.validate("""
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"X","States":{"X":{"Type":"Wait","Next":"Y"}}},"End":true}}}""");
        assertThat(problems).extracting(AslProblem::location)
                .contains("/States/M/ItemProcessor/States/X", "/States/M/ItemProcessor/States/X/Next");
    }
}
