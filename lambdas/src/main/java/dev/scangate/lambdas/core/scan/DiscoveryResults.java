package dev.scangate.lambdas.core.scan;

import java.util.List;

/** Macie's sensitive data discovery results of a job: which objects it really analysed. */
public interface DiscoveryResults {

    List<DiscoveryResult> forJob(String jobId);
}
