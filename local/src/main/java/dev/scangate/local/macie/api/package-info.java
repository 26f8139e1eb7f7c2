/**
 * The local Amazon Macie: the macie2 rest-json API over a {@link dev.scangate.local.macie.scanner.SensitiveDataScanner}
 * and S3 (any {@code S3Client}).
 *
 * <p>Served operations (paths as in aws-semantics.md 3.2): Enable/Get/Update/DisableMacie;
 * Create/Describe/Update/ListClassificationJobs; ListFindings, GetFindings, GetFindingStatistics;
 * custom data identifier Create/Get/Delete/BatchGet/List/Test; allow list Create/Get/Update/Delete/List;
 * ListManagedDataIdentifiers. Errors: {@code x-amzn-ErrorType} header plus {@code {"message"}} with
 * Macie's statuses.
 *
 * <p>Local choices where Macie's behaviour is unverified: the same client token returns the existing
 * job whatever the body; an illegal UpdateClassificationJob transition is a ConflictException and an
 * unsettable target status a ValidationException; ListFindings maxResults is 1-50 (default 50);
 * numeric criteria on timestamps take epoch milliseconds; EnableMacie twice is a ConflictException.
 * Not served: SCHEDULED jobs and {@code bucketCriteria} (ValidationException says so), findings
 * filters, sample findings, reveal.
 *
 * <p>Packages: {@code core} (records, use cases, the {@code ObjectStore} and {@code StateRepository}
 * ports; no AWS SDK), {@code s3} (the S3 adapter), {@code store} (state in
 * {@code <dataDirectory>/macie-state.json}), {@code http} (wire protocol).
 */
package dev.scangate.local.macie.api;
