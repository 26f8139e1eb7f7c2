/**
 * The local stand-in for Amazon Macie's sensitive data discovery: analyses one object and answers with
 * exactly Macie's {@code classificationDetails.result}, the finding type and the severity.
 *
 * <p>Entry points: {@link dev.scangate.local.macie.scanner.SensitiveDataScanners#create()} (the scanner),
 * {@link dev.scangate.local.macie.scanner.SensitiveDataScanners#managedIdentifiers()} (ListManagedDataIdentifiers),
 * {@link dev.scangate.local.macie.scanner.IdentifierSelection} (selectors),
 * {@link dev.scangate.local.macie.scanner.finding.SensitiveDataFinding} (the full GetFindings shape),
 * {@link dev.scangate.local.macie.scanner.cli.ScanCommandRunner} ({@code scangate scan}) and
 * {@link dev.scangate.local.macie.scanner.bench.ScannerBenchmark} ({@code scangate bench scanner}).
 *
 * <p>Packages: {@code identifiers} (catalogue, categories, severity rules, check digits), {@code detect}
 * (the one-pass detector, keywords, custom identifiers), {@code format} (file types, parsers, limits,
 * status codes), {@code result} (counting, allow lists, result JSON, type and severity).
 *
 * <p>How a file is analysed: the extension picks a reader; each reader cuts the content into small text
 * segments (a line, a CSV cell, a JSON value, a PDF line with its page) and knows how to locate an
 * offset in a segment as Macie would (lineRanges, cells, records, pages). Every segment goes once
 * through {@link dev.scangate.local.macie.scanner.detect.TextDetector}, which walks the characters a
 * single time and only validates where cheap triggers fire; keyword proximity is computed lazily per
 * segment. Memory is bounded by the segment size (lines and fields are cut at 1 Mi characters), except
 * for Excel workbooks, which POI loads whole (Macie's 512 MB Excel limit applies).
 *
 * <p>Known simplifications: Avro and Parquet are SKIPPED ({@code UNSUPPORTED_FILE_TYPE_EXCEPTION});
 * private keys are detected by their BEGIN line and PuTTY keys by their first header line (not the
 * whole block); BBAN/domestic account formats, non-US driver's licences, passports, phones and the
 * other national identifiers of the catalogue are listed and selectable but not detected
 * ({@code ManagedDataIdentifier.detected() == false}); NAME is a given-name dictionary plus a
 * capitalised surname and ADDRESS covers US addresses only (see {@code NameDictionary},
 * {@code AddressMatcher}).
 */
package dev.scangate.local.macie.scanner;
