package dev.scangate.local.sfn;

/** The errors the Step Functions API answers with: wire code and HTTP status. */
enum SfnError {
    EXECUTION_DOES_NOT_EXIST("ExecutionDoesNotExist", 400),
    EXECUTION_ALREADY_EXISTS("ExecutionAlreadyExists", 400),
    EXECUTION_NOT_REDRIVABLE("ExecutionNotRedrivable", 400),
    STATE_MACHINE_DOES_NOT_EXIST("StateMachineDoesNotExist", 400),
    STATE_MACHINE_ALREADY_EXISTS("StateMachineAlreadyExists", 400),
    INVALID_DEFINITION("InvalidDefinition", 400),
    INVALID_NAME("InvalidName", 400),
    INVALID_ARN("InvalidArn", 400),
    INVALID_EXECUTION_INPUT("InvalidExecutionInput", 400),
    INVALID_OUTPUT("InvalidOutput", 400),
    INVALID_TOKEN("InvalidToken", 400),
    TASK_TIMED_OUT("TaskTimedOut", 400),
    TASK_DOES_NOT_EXIST("TaskDoesNotExist", 400),
    VALIDATION("ValidationException", 400),
    UNKNOWN_OPERATION("UnknownOperationException", 400),
    SERIALIZATION("SerializationException", 400),
    INTERNAL("InternalFailure", 500);

    private final String code;
    private final int status;

    SfnError(String code, int status) {
        this.code = code;
        this.status = status;
    }

    String code() {
        return code;
    }

    int status() {
        return status;
    }

    static SfnError fromCode(String code) {
        for (SfnError e : values()) {
            if (e.code.equals(code)) {
                return e;
            }
        }
        return INTERNAL;
    }
}
