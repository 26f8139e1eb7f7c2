package dev.scangate.local.commands;

/** The local runtime's default names (DESIGN.md, "Local runtime contract"). */
public final class CommandDefaults {

    public static final String RAW_BUCKET = "scangate-raw";
    public static final String SCAN_STAGE_BUCKET = "scangate-scan-stage";
    public static final String APPROVAL_TABLE = "scangate-approvals";
    public static final String STATE_MACHINE_ARN = "arn:aws:states:us-east-1:000000000000:stateMachine:scangate-pipeline";

    private CommandDefaults() {
    }
}
