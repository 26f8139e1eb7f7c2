package dev.scangate.lambdas.core.approval;

import java.util.List;

/** Reads the objects a person must review (FLAGGED and UNSCANNED) from a run report. */
public interface RunReportSource {

    /** @throws dev.scangate.lambdas.core.StepInputException when the report is missing or unreadable */
    List<ApprovalObject> objectsForReview(String reportKey);
}
