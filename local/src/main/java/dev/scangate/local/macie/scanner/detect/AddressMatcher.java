package dev.scangate.local.macie.scanner.detect;

import java.nio.CharBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ADDRESS, the way Macie defines it: a place name together with a postal code that belongs to it.
 * This scanner supports US addresses: it is triggered by a five-digit ZIP code preceded by a state
 * abbreviation ({@code Springfield, IL 62704}), checks that the ZIP's first digit lies in the state's
 * ZIP region, requires a capitalised city name before the state and extends the match back over a
 * street line ({@code 742 Evergreen Terrace, }) when there is one. Only triggered windows are
 * handed to the regular expression, so it costs nothing on text without ZIP codes.
 */
final class AddressMatcher {

    /** State → first digit of its ZIP codes (USPS national areas). */
    private static final Map<String, Character> STATE_ZIP_AREA = new HashMap<>();

    private static final Pattern ADDRESS = Pattern.compile(
            "(?:\\d{1,6} (?:[A-Z][A-Za-z.]* ){0,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr"
                    + "|Court|Ct|Way|Place|Pl|Terrace|Parkway|Pkwy|Highway|Hwy|Circle|Cir)\\.?,? (?:(?:Apt|Suite|Unit)"
                    + " ?#?\\w+,? )?)?(?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+,? [A-Z]{2} \\d{5}(?:-\\d{4})?$");

    static {
        String[][] areas = {
            {"0", "CT", "MA", "ME", "NH", "NJ", "PR", "RI", "VT"},
            {"1", "NY", "PA", "DE"},
            {"2", "DC", "MD", "NC", "SC", "VA", "WV"},
            {"3", "AL", "FL", "GA", "MS", "TN"},
            {"4", "IN", "KY", "MI", "OH"},
            {"5", "IA", "MN", "MT", "ND", "SD", "WI"},
            {"6", "IL", "KS", "MO", "NE"},
            {"7", "AR", "LA", "OK", "TX"},
            {"8", "AZ", "CO", "ID", "NM", "NV", "UT", "WY"},
            {"9", "AK", "CA", "HI", "OR", "WA"},
        };
        for (String[] a : areas) {
            for (int i = 1; i < a.length; i++) {
                STATE_ZIP_AREA.put(a[i], a[0].charAt(0));
            }
        }
    }

    private AddressMatcher() { }

    /**
     * @param zipStart where a run of exactly five digits starts
     * @param zipEnd end of the ZIP (incl. a {@code -dddd} extension)
     * @return start of the address, or -1
     */
    static int addressStart(char[] b, int from, int zipStart, int zipEnd) {
        if (zipStart - from < 8 || b[zipStart - 1] != ' ' || b[zipStart - 4] != ' ' && b[zipStart - 4] != ',') {
            return -1;
        }
        char s1 = b[zipStart - 3];
        char s2 = b[zipStart - 2];
        if (s1 < 'A' || s1 > 'Z' || s2 < 'A' || s2 > 'Z') {
            return -1;
        }
        Character area = STATE_ZIP_AREA.get(new String(new char[] {s1, s2}));
        if (area == null || area != b[zipStart]) {
            return -1;
        }
        int windowStart = Math.max(from, zipStart - 120);
        Matcher m = ADDRESS.matcher(CharBuffer.wrap(b, windowStart, zipEnd - windowStart));
        // Search from the earliest start so the street line is included when present.
        for (int s = 0; s < zipEnd - windowStart; s++) {
            if (s > 0 && Character.isLetterOrDigit(b[windowStart + s - 1])) {
                continue;
            }
            m.region(s, zipEnd - windowStart);
            if (m.lookingAt()) {
                return windowStart + s;
            }
        }
        return -1;
    }
}
