package dev.scangate.statemachine.definition;

/**
 * One thing wrong with a definition.
 *
 * @param code     the Step Functions diagnostic code, e.g. {@code MISSING_TRANSITION_TARGET}
 * @param location a JSON pointer into the definition, e.g. {@code /States/Check/Next}
 */
public record AslProblem(String code, String location, String message) {

    @Override
    public String toString() {
        return code + ": " + message + " at " + (location.isEmpty() ? "/" : location);
    }
}
