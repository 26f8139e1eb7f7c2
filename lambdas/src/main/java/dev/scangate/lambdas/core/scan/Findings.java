package dev.scangate.lambdas.core.scan;

import java.util.List;

/** The findings of a job (not archived), every page of them. */
public interface Findings {

    List<ObjectFinding> forJob(String jobId);
}
