package dev.scangate.lambdas.core.routing;

import dev.scangate.lambdas.core.StepInputException;
import dev.scangate.lambdas.core.document.RunDocuments;
import dev.scangate.lambdas.core.report.RunReport;
import dev.scangate.lambdas.core.run.RunId;

/** Loads the report a payload names, refusing any key but the run's own. */
public final class ReportKeys {

    private ReportKeys() {
    }

    public static RunReport load(RunDocuments documents, RunId runId, String reportKey) {
        if (!runId.reportKey().equals(reportKey)) {
            throw new StepInputException("reportKey", "must be " + runId.reportKey() + " for run " + runId
                    + ", got '" + reportKey + "'");
        }
        return documents.report(reportKey).orElseThrow(() -> new StepInputException("reportKey",
                "no report at s3://" + documents.bucket() + "/" + reportKey));
    }
}
