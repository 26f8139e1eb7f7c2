package dev.scangate.local.macie.scanner.detect;

/**
 * Turns an offset inside the text segment being scanned into a Macie location. Called only for the
 * few occurrences whose location is kept, so formats can build paths lazily.
 */
@FunctionalInterface
public interface Locator {
    Location locate(int offsetInSegment);
}
