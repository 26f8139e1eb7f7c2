package dev.scangate.statemachine.engine;

/** The Step Functions API error codes the engine raises; {@link #code()} is the wire name. */
public enum EngineError {
    EXECUTION_DOES_NOT_EXIST("ExecutionDoesNotExist"),
    EXECUTION_ALREADY_EXISTS("ExecutionAlreadyExists"),
    EXECUTION_NOT_REDRIVABLE("ExecutionNotRedrivable"),
    STATE_MACHINE_DOES_NOT_EXIST("StateMachineDoesNotExist"),
    STATE_MACHINE_ALREADY_EXISTS("StateMachineAlreadyExists"),
    INVALID_DEFINITION("InvalidDefinition"),
    INVALID_NAME("InvalidName"),
    INVALID_ARN("InvalidArn"),
    INVALID_EXECUTION_INPUT("InvalidExecutionInput"),
    INVALID_OUTPUT("InvalidOutput"),
    INVALID_TOKEN("InvalidToken"),
    TASK_TIMED_OUT("TaskTimedOut"),
    TASK_DOES_NOT_EXIST("TaskDoesNotExist"),
    VALIDATION("ValidationException");

    private final String code;

    EngineError(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
