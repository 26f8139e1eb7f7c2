package dev.scangate.local.macie.scanner.detect;

import dev.scangate.local.macie.scanner.identifiers.Checksums;
import dev.scangate.local.macie.scanner.identifiers.ManagedDataIdentifiers;
import dev.scangate.local.macie.scanner.identifiers.ManagedDataIdentifiers.IbanCountry;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * All managed detectors in one pass over a text segment. The pass walks the characters once and
 * only looks closer where a cheap trigger fires: a run of digits and separators (cards, SSNs, phones,
 * dates, ...), an alphanumeric token of a telling shape (IBAN, VIN, NINO, MBI, AWS secret), a
 * capitalised given name (NAME), or a literal prefix ({@code -----BEGIN}, {@code eyJ}, {@code AIza},
 * {@code sk_live_}, {@code Authorization:}, {@code Cookie:}). Candidates are validated with check
 * digits and ranges; keyword-gated identifiers then ask for a keyword within 30 characters, computed
 * once per segment and only when a candidate needs it. Not thread-safe: one instance per scan.
 */
public final class TextDetector {

    private static final int KEYWORD_DISTANCE = 30;
    private static final int MAX_GROUPS = 16;
    private static final int MAX_HITS = 4096;

    private static final byte OTHER = 0;
    private static final byte DIGIT = 1;
    private static final byte UPPER = 2;
    private static final byte LOWER = 3;
    private static final byte[] CLS = new byte[128];

    private static final Set<String> TEST_CARDS = Set.of(
            "4111111111111111", "4012888888881881", "4222222222222", "4242424242424242", "4000056655665556",
            "4000002500003155", "4000000000003220", "4000000000000002", "4917610000000000", "4462030000000000",
            "4484070000000000", "4012000033330026", "4012000077777777", "4005519200000004", "4009348888881881",
            "4111111111111", "5555555555554444", "5105105105105100", "5200828282828210", "5454545454545454",
            "2223003122003222", "2223000048400011", "5431111111111111", "5019717010103742", "378282246310005",
            "371449635398431", "378734493671000", "371111111111114", "343434343434343", "6011111111111117",
            "6011000990139424", "6011981111111113", "6011601160116611", "6445644564456445", "30569309025904",
            "38520000023237", "36227206271667", "3056930009020004", "36148900647913", "30000000000004",
            "3530111333300000", "3566002020360505", "3566111111111113", "6200000000000005", "6331101999990016",
            "6304000000000000", "6759649826438453", "6799990100000000019", "4903010000000009", "4571000000000001",
            "5000000000000611", "6250941006528599", "8171999927660000", "6221261111113245", "3337000000000008");
    private static final Set<String> IGNORED_AWS_SECRETS = Set.of(
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY");
    private static final Set<String> IGNORED_STRIPE_KEYS = Set.of(
            "sk_test_4eC39HqLyjWDarjtT1zdp7dc", "pk_test_TYooMQauvdEDq54NiTphI7jx");

    private static final Set<String> INVALID_NINO_PREFIXES = Set.of("BG", "GB", "NK", "KN", "TN", "NT", "ZZ");

    private static final Pattern MONTH_DATE = Pattern.compile(
            "(?i)(?:(?:\\d{1,2}(?:st|nd|rd|th)? )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?"
                    + "(?: \\d{1,2}(?:st|nd|rd|th)?,?)?[ -]\\d{2,4}|\\d{2}-(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct"
                    + "|nov|dec))");

    static {
        for (char c = '0'; c <= '9'; c++) {
            CLS[c] = DIGIT;
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            CLS[c] = UPPER;
            CLS[c + 32] = LOWER;
        }
    }

    private final boolean[] on = new boolean[Detector.values().length];
    private final long keywordGroupsUsed;
    private final Set<String> enabledIds;
    private final DetectionSink sink;
    private final KeywordIndex keywords = KeywordIndex.instance();

    // Per-segment state.
    private char[] b;
    private int from;
    private int to;
    private long contextMask;
    private Locator locator;
    private boolean lineKeywordsDone;
    private long lineMask;
    private final long[] hitBits = new long[MAX_HITS];
    private final int[] hitStart = new int[MAX_HITS];
    private final int[] hitEnd = new int[MAX_HITS];
    private int hitCount;
    private boolean hitOverflow;

    // Numeric run scratch.
    private final int[] gs = new int[MAX_GROUPS];
    private final int[] ge = new int[MAX_GROUPS];
    private final boolean[] consumed = new boolean[MAX_GROUPS];
    private final int[] digits = new int[64];
    private int groups;

    /** @param enabledIds the Macie ids of the selected managed identifiers */
    public TextDetector(Set<String> enabledIds, DetectionSink sink) {
        this.enabledIds = Set.copyOf(enabledIds);
        this.sink = sink;
        long used = 0;
        for (Detector d : Detector.values()) {
            boolean enabled = d == Detector.IBAN
                    ? ManagedDataIdentifiers.IBAN_COUNTRIES.values().stream()
                            .anyMatch(c -> enabledIds.contains(c.identifierId()))
                    : enabledIds.contains(d.macieId());
            on[d.ordinal()] = enabled;
            if (enabled) {
                used |= d.bit();
            }
        }
        keywordGroupsUsed = used;
    }

    public boolean anyEnabled() {
        for (boolean e : on) {
            if (e) {
                return true;
            }
        }
        return false;
    }

    /** Scans {@code buf[start..end)}; matches go to the sink with {@code loc} to locate them. */
    public void scan(char[] buf, int start, int end, SegmentContext context, Locator loc) {
        this.b = buf;
        this.from = start;
        this.to = end;
        this.contextMask = context.keywordMask() & keywordGroupsUsed;
        this.locator = loc;
        this.lineKeywordsDone = false;
        int i = start;
        while (i < end) {
            char c = buf[i];
            if (c >= 128) {
                i = skipWord(i + 1);
                continue;
            }
            byte k = CLS[c];
            if (k == OTHER) {
                i = punctuation(i, c);
                continue;
            }
            int tokEnd = i + 1;
            int nd = k == DIGIT ? 1 : 0;
            int nu = k == UPPER ? 1 : 0;
            while (tokEnd < end) {
                char t = buf[tokEnd];
                if (t >= 128) {
                    break;
                }
                byte tk = CLS[t];
                if (tk == OTHER) {
                    break;
                }
                nd += tk == DIGIT ? 1 : 0;
                nu += tk == UPPER ? 1 : 0;
                tokEnd++;
            }
            if (tokEnd < end && buf[tokEnd] >= 128 && Character.isLetterOrDigit(buf[tokEnd])) {
                i = skipWord(tokEnd);
                continue;
            }
            i = Math.max(tokEnd, token(i, tokEnd, k, nd, nu));
        }
        this.b = null;
        this.locator = null;
    }

    private int skipWord(int i) {
        while (i < to && (b[i] >= 128 ? Character.isLetterOrDigit(b[i]) : cls(b[i]) != OTHER)) {
            i++;
        }
        return i;
    }

    // ---------------------------------------------------------------- emission & keywords

    private void emit(Detector d, int start, int end) {
        sink.managed(d.macieId(), b, from, to, start, end, locator);
    }

    private boolean near(Detector d, int start, int end) {
        long bit = d.bit();
        if ((contextMask & bit) != 0) {
            return true;
        }
        if (!lineKeywordsDone) {
            computeLineKeywords();
        }
        if ((lineMask & bit) == 0) {
            return false;
        }
        if (hitOverflow) {
            return true;
        }
        for (int h = 0; h < hitCount; h++) {
            if ((hitBits[h] & bit) != 0 && hitEnd[h] >= start - KEYWORD_DISTANCE
                    && hitStart[h] <= end + KEYWORD_DISTANCE) {
                return true;
            }
        }
        return false;
    }

    private boolean lineHas(long bits) {
        if ((contextMask & bits) != 0) {
            return true;
        }
        if (!lineKeywordsDone) {
            computeLineKeywords();
        }
        return (lineMask & bits) != 0;
    }

    private void computeLineKeywords() {
        lineKeywordsDone = true;
        lineMask = 0;
        hitCount = 0;
        hitOverflow = false;
        keywords.scan(b, from, to, (bit, s, e) -> {
            if ((bit & keywordGroupsUsed) == 0) {
                return;
            }
            lineMask |= bit;
            if (hitCount < MAX_HITS) {
                hitBits[hitCount] = bit;
                hitStart[hitCount] = s;
                hitEnd[hitCount] = e;
                hitCount++;
            } else {
                hitOverflow = true;
            }
        });
    }

    // ---------------------------------------------------------------- punctuation triggers

    private int punctuation(int i, char c) {
        if (c == '-' && i + 11 < to && b[i + 4] == '-' && b[i + 5] == 'B'
                && on(Detector.OPENSSH_PRIVATE_KEY, Detector.PGP_PRIVATE_KEY, Detector.PKCS)
                && startsWith(i, "-----BEGIN ")) {
            return privateKey(i);
        }
        if ((c == '%' || c == ';') && on[Detector.CREDIT_CARD_MAGNETIC_STRIPE.ordinal()] && i + 1 < to) {
            return magneticStripe(i, c);
        }
        return i + 1;
    }

    private int privateKey(int i) {
        int p = i + 11;
        Detector d = null;
        String rest = null;
        if (startsWith(p, "OPENSSH PRIVATE KEY-----")) {
            d = Detector.OPENSSH_PRIVATE_KEY;
            rest = "OPENSSH PRIVATE KEY-----";
        } else if (startsWith(p, "PGP PRIVATE KEY BLOCK-----")) {
            d = Detector.PGP_PRIVATE_KEY;
            rest = "PGP PRIVATE KEY BLOCK-----";
        } else {
            for (String kind : new String[] {"PRIVATE KEY-----", "RSA PRIVATE KEY-----", "EC PRIVATE KEY-----",
                    "DSA PRIVATE KEY-----", "ENCRYPTED PRIVATE KEY-----"}) {
                if (startsWith(p, kind)) {
                    d = Detector.PKCS;
                    rest = kind;
                    break;
                }
            }
        }
        if (d == null || !on[d.ordinal()]) {
            return i + 1;
        }
        int end = p + rest.length();
        emit(d, i, end);
        return end;
    }

    private int magneticStripe(int i, char c) {
        int p = i + 1;
        if (c == '%') {
            // Track 1: %B<PAN>^<NAME>^<YYMM><service code>...
            if (b[p] != 'B') {
                return i + 1;
            }
            int d0 = p + 1;
            int d1 = digitsEnd(d0);
            if (d1 - d0 < 13 || d1 - d0 > 19 || d1 >= to || b[d1] != '^') {
                return i + 1;
            }
            int caret = indexOf('^', d1 + 1, Math.min(to, d1 + 28));
            if (caret < 0 || digitsEnd(caret + 1) - (caret + 1) < 7) {
                return i + 1;
            }
            int end = trackEnd(caret + 1, '?');
            if (near(Detector.CREDIT_CARD_MAGNETIC_STRIPE, i, end)) {
                emit(Detector.CREDIT_CARD_MAGNETIC_STRIPE, i, end);
                return end;
            }
            return i + 1;
        }
        // Track 2: ;<PAN>=<YYMM><service code>...?
        int d1 = digitsEnd(p);
        if (d1 - p < 13 || d1 - p > 19 || d1 >= to || b[d1] != '=' || digitsEnd(d1 + 1) - (d1 + 1) < 7) {
            return i + 1;
        }
        int end = trackEnd(d1 + 1, '?');
        if (near(Detector.CREDIT_CARD_MAGNETIC_STRIPE, i, end)) {
            emit(Detector.CREDIT_CARD_MAGNETIC_STRIPE, i, end);
            return end;
        }
        return i + 1;
    }

    private int trackEnd(int p, char sentinel) {
        int limit = Math.min(to, p + 120);
        for (int q = p; q < limit; q++) {
            if (b[q] == sentinel) {
                return q + 1;
            }
            if (b[q] == ' ' || b[q] == '\t') {
                return q;
            }
        }
        return limit;
    }

    // ---------------------------------------------------------------- tokens

    private int token(int s, int e, byte firstClass, int nd, int nu) {
        int len = e - s;
        int next = e;
        if (on[Detector.AWS_CREDENTIALS.ordinal()] && (len == 40 || (e < to && (b[e] == '/' || b[e] == '+')))) {
            next = Math.max(next, awsSecret(s, e));
        }
        if (nd == len) {
            return Math.max(next, numeric(s, e));
        }
        if (firstClass == DIGIT) {
            if (len == 11 || len == 4) {
                next = Math.max(next, medicare(s, e));
            }
            if (len == 17) {
                vin(s, e);
            }
            return next;
        }
        // Starts with a letter.
        if (len >= 15 && nu + nd == len && nd >= 2) {
            iban(s, e);
        }
        if (len == 17 && nu + nd == len) {
            vin(s, e);
        }
        if (firstClass == UPPER && nu + nd == len) {
            if (len == 9 || len == 2) {
                next = Math.max(next, nino(s, e));
            }
            if (nd == len - 1 && len == 9 && on[Detector.USA_PASSPORT_NUMBER.ordinal()]
                    && near(Detector.USA_PASSPORT_NUMBER, s, e)) {
                emit(Detector.USA_PASSPORT_NUMBER, s, e);
            }
            if (len >= 5 && len <= 15 && nd >= 4 && on[Detector.DRIVERS_LICENSE.ordinal()]
                    && lettersThenDigits(s, e, 2) && near(Detector.DRIVERS_LICENSE, s, e)) {
                emit(Detector.DRIVERS_LICENSE, s, e);
            }
        }
        char c0 = b[s];
        if (len >= 4 && c0 == 'e' && b[s + 1] == 'y' && b[s + 2] == 'J' && on[Detector.JSON_WEB_TOKEN.ordinal()]) {
            next = Math.max(next, jwt(s));
        } else if (c0 == 'A' && len >= 4 && b[s + 1] == 'I' && b[s + 2] == 'z' && b[s + 3] == 'a'
                && on[Detector.GCP_API_KEY.ordinal()]) {
            next = Math.max(next, gcpKey(s));
        } else if (len == 2 && (c0 == 's' || c0 == 'r' || c0 == 'p') && b[s + 1] == 'k'
                && on[Detector.STRIPE_CREDENTIALS.ordinal()]) {
            next = Math.max(next, stripe(s, e));
        } else if (len == 13 && (c0 == 'A' || c0 == 'a') && regionEqualsIgnoreCase(s, "authorization")
                && on[Detector.HTTP_BASIC_AUTH_HEADER.ordinal()]) {
            next = Math.max(next, basicAuth(s, e));
        } else if (len == 6 && (c0 == 'C' || c0 == 'c') && regionEqualsIgnoreCase(s, "cookie")
                && on[Detector.HTTP_COOKIE.ordinal()]) {
            next = Math.max(next, cookie(s, e));
        } else if (len == 5 && c0 == 'P' && startsWith(s, "PuTTY-User-Key-File-")
                && on[Detector.PUTTY_PRIVATE_KEY.ordinal()]) {
            int end = lineEnd(s);
            emit(Detector.PUTTY_PRIVATE_KEY, s, end);
            next = end;
        }
        if (firstClass == UPPER && nu == 1 && nd == 0 && len >= 2) {
            if (on[Detector.NAME.ordinal()]) {
                next = Math.max(next, name(s, e));
            }
            if (len >= 3 && len <= 9 && (on[Detector.DATE_OF_BIRTH.ordinal()] || on[Detector.CREDIT_CARD_EXPIRATION.ordinal()])) {
                monthDate(s);
            }
        } else if (firstClass == LOWER && nd == 0 && len >= 3 && len <= 9
                && (on[Detector.DATE_OF_BIRTH.ordinal()] || on[Detector.CREDIT_CARD_EXPIRATION.ordinal()])) {
            monthDate(s);
        }
        return next;
    }

    private boolean lettersThenDigits(int s, int e, int maxLetters) {
        int q = s;
        while (q < e && cls(b[q]) == UPPER) {
            q++;
        }
        if (q - s == 0 || q - s > maxLetters) {
            return false;
        }
        while (q < e && cls(b[q]) == DIGIT) {
            q++;
        }
        return q == e;
    }

    private int awsSecret(int s, int e) {
        if (s > from && isB64(b[s - 1])) {
            return e;
        }
        int q = s;
        boolean upper = false;
        boolean lower = false;
        boolean digitOrSym = false;
        while (q < to && q - s <= 40 && isB64(b[q])) {
            char c = b[q];
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            digitOrSym |= c >= '0' && c <= '9' || c == '/' || c == '+';
            q++;
        }
        if (q - s != 40 || (q < to && isB64(b[q])) || !(upper && lower && digitOrSym)) {
            return e;
        }
        if (IGNORED_AWS_SECRETS.contains(new String(b, s, 40)) || !near(Detector.AWS_CREDENTIALS, s, q)) {
            return e;
        }
        emit(Detector.AWS_CREDENTIALS, s, q);
        return q;
    }

    private static boolean isB64(char c) {
        return c < 128 && (CLS[c] != OTHER || c == '/' || c == '+');
    }

    private static boolean isB64Url(char c) {
        return c < 128 && (CLS[c] != OTHER || c == '_' || c == '-');
    }

    private int b64UrlEnd(int p) {
        while (p < to && isB64Url(b[p])) {
            p++;
        }
        return p;
    }

    private int jwt(int s) {
        int h = b64UrlEnd(s);
        if (h - s < 10 || h >= to || b[h] != '.') {
            return s;
        }
        int p0 = h + 1;
        int p = b64UrlEnd(p0);
        if (p - p0 < 4 || !startsWith(p0, "eyJ") || p >= to || b[p] != '.') {
            return s;
        }
        int sig = b64UrlEnd(p + 1);
        try {
            String header = new String(Base64.getUrlDecoder().decode(new String(b, s, h - s)),
                    StandardCharsets.UTF_8);
            if (!header.startsWith("{") || !header.contains("\"alg\"")) {
                return s;
            }
        } catch (IllegalArgumentException notBase64) {
            return s;
        }
        emit(Detector.JSON_WEB_TOKEN, s, sig);
        return sig;
    }

    private int gcpKey(int s) {
        int e = b64UrlEnd(s);
        if (e - s != 39 || !near(Detector.GCP_API_KEY, s, e)) {
            return s;
        }
        emit(Detector.GCP_API_KEY, s, e);
        return e;
    }

    private int stripe(int s, int e) {
        if (!(startsWith(e, "_live_") || startsWith(e, "_test_"))) {
            return e;
        }
        int p = e + 6;
        int q = p;
        while (q < to && b[q] < 128 && cls(b[q]) != OTHER) {
            q++;
        }
        if (q - p < 24 || q - p > 247 || IGNORED_STRIPE_KEYS.contains(new String(b, s, q - s))) {
            return e;
        }
        emit(Detector.STRIPE_CREDENTIALS, s, q);
        return q;
    }

    private int basicAuth(int s, int e) {
        int start = s;
        if (s - from >= 6 && regionEqualsIgnoreCase(s - 6, "proxy-")) {
            start = s - 6;
        }
        int p = skipSpaces(e);
        if (p >= to || b[p] != ':') {
            return e;
        }
        p = skipSpaces(p + 1);
        if (!regionEqualsIgnoreCase(p, "basic") || p + 5 >= to || b[p + 5] != ' ') {
            return e;
        }
        int c0 = skipSpaces(p + 5);
        int c1 = c0;
        while (c1 < to && (isB64(b[c1]) || b[c1] == '=')) {
            c1++;
        }
        if (c1 - c0 < 4) {
            return e;
        }
        emit(Detector.HTTP_BASIC_AUTH_HEADER, start, c1);
        return c1;
    }

    private int cookie(int s, int e) {
        int start = s;
        if (s - from >= 4 && regionEqualsIgnoreCase(s - 4, "set-")) {
            start = s - 4;
        }
        int p = skipSpaces(e);
        if (p >= to || b[p] != ':') {
            return e;
        }
        p = skipSpaces(p + 1);
        int nameEnd = p;
        while (nameEnd < to && b[nameEnd] > ' ' && b[nameEnd] != '=' && b[nameEnd] != ';' && b[nameEnd] != ',') {
            nameEnd++;
        }
        if (nameEnd == p || nameEnd >= to || b[nameEnd] != '=') {
            return e;
        }
        int end = lineEnd(nameEnd);
        emit(Detector.HTTP_COOKIE, start, end);
        return end;
    }

    private int nino(int s, int e) {
        if (!on[Detector.UK_NATIONAL_INSURANCE_NUMBER.ordinal()]) {
            return e;
        }
        char p1 = b[s];
        char p2 = b[s + 1];
        if ("DFIQUV".indexOf(p1) >= 0 || "DFIOQUV".indexOf(p2) >= 0 || cls(p2) != UPPER) {
            return e;
        }
        if (INVALID_NINO_PREFIXES.contains(new String(new char[] {p1, p2}))) {
            return e;
        }
        int end;
        if (e - s == 9) {
            for (int q = s + 2; q < s + 8; q++) {
                if (cls(b[q]) != DIGIT) {
                    return e;
                }
            }
            if (b[s + 8] < 'A' || b[s + 8] > 'D') {
                return e;
            }
            end = e;
        } else {
            // Spaced form: AB 12 34 56 C
            int q = e;
            for (int g = 0; g < 3; g++) {
                if (q + 3 > to || b[q] != ' ' || cls(b[q + 1]) != DIGIT || cls(b[q + 2]) != DIGIT) {
                    return e;
                }
                q += 3;
            }
            if (q + 2 > to || b[q] != ' ' || b[q + 1] < 'A' || b[q + 1] > 'D'
                    || (q + 2 < to && cls(b[q + 2]) != OTHER)) {
                return e;
            }
            end = q + 2;
        }
        if (near(Detector.UK_NATIONAL_INSURANCE_NUMBER, s, end)) {
            emit(Detector.UK_NATIONAL_INSURANCE_NUMBER, s, end);
        }
        return end;
    }

    private int medicare(int s, int e) {
        if (!on[Detector.USA_MEDICARE_BENEFICIARY_IDENTIFIER.ordinal()]) {
            return e;
        }
        char[] id = new char[11];
        int end;
        if (e - s == 11) {
            System.arraycopy(b, s, id, 0, 11);
            end = e;
        } else {
            // Dashed form 1EG4-TE5-MK73
            if (e + 9 > to || b[e] != '-' || b[e + 4] != '-') {
                return e;
            }
            System.arraycopy(b, s, id, 0, 4);
            System.arraycopy(b, e + 1, id, 4, 3);
            System.arraycopy(b, e + 5, id, 7, 4);
            end = e + 9;
            if (end < to && b[end] < 128 && cls(b[end]) != OTHER) {
                return e;
            }
        }
        // Positions: C A AN N A AN N A A N N; letters exclude S, L, O, I, B, Z.
        String pattern = "CAXNAXNAANN";
        for (int k = 0; k < 11; k++) {
            char c = id[k];
            boolean letter = c >= 'A' && c <= 'Z' && "SLOIBZ".indexOf(c) < 0;
            boolean digit = c >= '0' && c <= '9';
            boolean ok = switch (pattern.charAt(k)) {
                case 'C' -> c >= '1' && c <= '9';
                case 'A' -> letter;
                case 'N' -> digit;
                default -> letter || digit;
            };
            if (!ok) {
                return e;
            }
        }
        if (near(Detector.USA_MEDICARE_BENEFICIARY_IDENTIFIER, s, end)) {
            emit(Detector.USA_MEDICARE_BENEFICIARY_IDENTIFIER, s, end);
            return end;
        }
        return e;
    }

    private void vin(int s, int e) {
        if (!on[Detector.VEHICLE_IDENTIFICATION_NUMBER.ordinal()]) {
            return;
        }
        for (int q = s; q < e; q++) {
            if (cls(b[q]) == LOWER) {
                return;
            }
        }
        if (Checksums.vin(CharBuffer.wrap(b, s, 17), 0) && near(Detector.VEHICLE_IDENTIFICATION_NUMBER, s, e)) {
            emit(Detector.VEHICLE_IDENTIFICATION_NUMBER, s, e);
        }
    }

    private void iban(int s, int e) {
        if (!on[Detector.IBAN.ordinal()] || cls(b[s + 1]) != UPPER || cls(b[s + 2]) != DIGIT
                || cls(b[s + 3]) != DIGIT) {
            return;
        }
        IbanCountry country = ManagedDataIdentifiers.IBAN_COUNTRIES.get(new String(b, s, 2));
        if (country == null || country.length() != e - s || !enabledIds.contains(country.identifierId())) {
            return;
        }
        for (int q = s; q < e; q++) {
            if (cls(b[q]) == LOWER) {
                return;
            }
        }
        if (Checksums.ibanMod97(CharBuffer.wrap(b, s, e - s), 0, e - s)) {
            sink.managed(country.identifierId(), b, from, to, s, e, locator);
        }
    }

    /** NAME: given name (dictionary), optional middle initial, capitalised surname. */
    private int name(int s, int e) {
        if (e - s > 12 || e + 2 >= to || b[e] != ' ' || b[e + 1] < 'A' || b[e + 1] > 'Z'
                || !NameDictionary.GIVEN_NAMES.contains(b, s, e)) {
            return e; // cheapest test first: most capitalised words are not followed by another one
        }
        int p = e + 1;
        if (cls(b[p]) == UPPER && b[p] < 128 && p + 2 < to && b[p + 1] == '.' && b[p + 2] == ' ') {
            p += 3;
        }
        if (p >= to || b[p] >= 128 || cls(b[p]) != UPPER) {
            return e;
        }
        int q = p + 1;
        while (q < to && ((b[q] >= 'a' && b[q] <= 'z') || b[q] == '\'' || (b[q] == '-' && q + 1 < to
                && b[q + 1] >= 'A' && b[q + 1] <= 'Z') || (b[q] >= 'A' && b[q] <= 'Z' && q == p + 2
                && (b[p] == 'M' || b[p] == 'O')))) {
            q++;
        }
        if (q - p < 2 || (q < to && (b[q] >= 128 ? Character.isLetterOrDigit(b[q]) : cls(b[q]) != OTHER))
                || NameDictionary.NOT_SURNAMES.contains(b, p, q)) {
            return e;
        }
        emit(Detector.NAME, s, q);
        return q;
    }

    private void monthDate(int s) {
        long bits = Detector.DATE_OF_BIRTH.bit() | Detector.CREDIT_CARD_EXPIRATION.bit();
        char c0 = (char) (b[s] | 0x20);
        if (c0 != 'j' && c0 != 'f' && c0 != 'm' && c0 != 'a' && c0 != 's' && c0 != 'o' && c0 != 'n' && c0 != 'd') {
            return;
        }
        if (!isMonth(s) || !lineHas(bits)) { // isMonth first: it costs three loads
            return;
        }
        int start = s;
        // Allow a leading day number: "12 March 1985".
        int q = s - 1;
        if (q > from && b[q] == ' ') {
            int d = q;
            while (d > from && cls(b[d - 1]) != OTHER && b[d - 1] < 128) {
                d--;
            }
            if (q - d >= 1 && q - d <= 4 && cls(b[d]) == DIGIT) {
                start = d;
            }
        }
        Matcher m = MONTH_DATE.matcher(CharBuffer.wrap(b, from, to - from));
        m.region(start - from, to - from);
        if (!m.lookingAt() && (start == s || !m.region(s - from, to - from).lookingAt())) {
            return;
        }
        int ms = from + m.start();
        int me = from + m.end();
        if (me < to && b[me] < 128 && cls(b[me]) != OTHER) {
            return;
        }
        reportDate(ms, me, true);
    }

    private static final String[] MONTH_NAMES = {"january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december"};

    private static final int[] MONTH_KEYS = new int[12];

    static {
        for (int i = 0; i < 12; i++) {
            MONTH_KEYS[i] = (MONTH_NAMES[i].charAt(0) << 16) | (MONTH_NAMES[i].charAt(1) << 8) | MONTH_NAMES[i].charAt(2);
        }
    }

    /** The token at s is a month name or its three-letter abbreviation (or "sept"), any case. */
    private boolean isMonth(int s) {
        int e = s;
        while (e < to && e - s < 10 && ((b[e] | 0x20) >= 'a' && (b[e] | 0x20) <= 'z')) {
            e++;
        }
        int len = e - s;
        if (len < 3 || len > 9) {
            return false;
        }
        int key = ((b[s] | 0x20) << 16) | ((b[s + 1] | 0x20) << 8) | (b[s + 2] | 0x20);
        int m = -1;
        for (int i = 0; i < 12; i++) {
            if (MONTH_KEYS[i] == key) {
                m = i;
                break;
            }
        }
        if (m < 0) {
            return false;
        }
        String name = MONTH_NAMES[m];
        if (len == 3 || (len == 4 && m == 8 && (b[s + 3] | 0x20) == 't')) {
            return true;
        }
        if (len != name.length()) {
            return false;
        }
        for (int k = 3; k < len; k++) {
            if ((b[s + k] | 0x20) != name.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private void reportDate(int s, int e, boolean fullDate) {
        if (fullDate && on[Detector.DATE_OF_BIRTH.ordinal()] && near(Detector.DATE_OF_BIRTH, s, e)) {
            emit(Detector.DATE_OF_BIRTH, s, e);
        }
        if (on[Detector.CREDIT_CARD_EXPIRATION.ordinal()] && near(Detector.CREDIT_CARD_EXPIRATION, s, e)) {
            emit(Detector.CREDIT_CARD_EXPIRATION, s, e);
        }
    }

    // ---------------------------------------------------------------- numeric runs

    private int numeric(int s, int firstEnd) {
        groups = 0;
        gs[0] = s;
        ge[0] = firstEnd;
        consumed[0] = false;
        groups = 1;
        int j = firstEnd;
        while (groups < MAX_GROUPS) {
            int k = j;
            while (k < to && k - j < 3 && isNumSep(b[k])) {
                k++;
            }
            if (k == j || k >= to || b[k] >= 128 || cls(b[k]) != DIGIT) {
                break;
            }
            int d = digitsEnd(k);
            if (d < to && b[d] < 128 && cls(b[d]) > DIGIT) {
                break; // the next group runs into letters: it is a different token
            }
            gs[groups] = k;
            ge[groups] = d;
            consumed[groups] = false;
            groups++;
            j = d;
        }
        int runEnd = ge[groups - 1];
        if (runEnd < to && b[runEnd] < 128 && cls(b[runEnd]) > DIGIT) {
            return firstEnd; // digits glued to letters (e.g. "123abc"): not a number
        }
        if (on[Detector.CREDIT_CARD_NUMBER.ordinal()] || on[Detector.CREDIT_CARD_NUMBER_NO_KEYWORD.ordinal()]) {
            cards();
        }
        for (int g = 0; g < groups; g++) {
            if (!consumed[g]) {
                numericAt(g);
            }
        }
        return runEnd;
    }

    private static boolean isNumSep(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '/' || c == ',' || c == '(' || c == ')';
    }

    private int digitsEnd(int p) {
        while (p < to && b[p] >= '0' && b[p] <= '9') {
            p++;
        }
        return p;
    }

    private int len(int g) {
        return ge[g] - gs[g];
    }

    /** The separator between group g-1 and g as a single char, or 0 if it is longer than one char. */
    private char sep(int g) {
        return gs[g] - ge[g - 1] == 1 ? b[ge[g - 1]] : 0;
    }

    private boolean sepsEqual(int g, int n, char allowed1, char allowed2) {
        char first = sep(g + 1);
        if (first != allowed1 && first != allowed2) {
            return false;
        }
        for (int k = g + 2; k < g + n; k++) {
            if (sep(k) != first) {
                return false;
            }
        }
        return true;
    }

    /** Whether groups g..g+n-1 stand alone (not glued by '-', '.' or '/' to neighbouring groups). */
    private boolean isolated(int g, int n) {
        if (g > 0) {
            char c = sep(g);
            if (c == '-' || c == '.' || c == '/') {
                return false;
            }
        }
        int last = g + n - 1;
        if (last + 1 < groups) {
            char c = sep(last + 1);
            if (c == '-' || c == '.' || c == '/') {
                return false;
            }
        }
        if (g == 0 && gs[0] > from && (b[gs[0] - 1] == '-' || b[gs[0] - 1] == '.' || b[gs[0] - 1] == '/')) {
            return false;
        }
        int end = ge[last];
        return end >= to || (b[end] != '.' || end + 1 >= to || cls(b[end + 1]) != DIGIT);
    }

    private boolean shape(int g, int... lens) {
        if (g + lens.length > groups) {
            return false;
        }
        for (int k = 0; k < lens.length; k++) {
            if (consumed[g + k] || len(g + k) != lens[k]) {
                return false;
            }
        }
        return true;
    }

    private int collectDigits(int g, int n) {
        int c = 0;
        for (int k = g; k < g + n; k++) {
            for (int q = gs[k]; q < ge[k] && c < digits.length; q++) {
                digits[c++] = b[q] - '0';
            }
        }
        return c;
    }

    private void cards() {
        for (int g = 0; g < groups; g++) {
            int total = 0;
            int best = -1;
            for (int k = g; k < groups; k++) {
                if (k > g) {
                    char sp = sep(k);
                    if ((sp != ' ' && sp != '-') || (k > g + 1 && sp != sep(g + 1))
                            || len(k) < 3 || len(k) > 6 || len(g) < 4 || len(g) > 6) {
                        break;
                    }
                }
                total += len(k);
                if (total > 19) {
                    break;
                }
                if (total >= 13 && isolated(g, k - g + 1)) {
                    int n = collectDigits(g, k - g + 1);
                    if (isCard(n)) {
                        best = k;
                    }
                }
            }
            if (best >= 0) {
                int s = gs[g];
                int e = ge[best];
                for (int k = g; k <= best; k++) {
                    consumed[k] = true;
                }
                int n = collectDigits(g, best - g + 1);
                StringBuilder pan = new StringBuilder(n);
                for (int q = 0; q < n; q++) {
                    pan.append((char) ('0' + digits[q]));
                }
                if (!TEST_CARDS.contains(pan.toString())) {
                    if (on[Detector.CREDIT_CARD_NUMBER.ordinal()] && near(Detector.CREDIT_CARD_NUMBER, s, e)) {
                        emit(Detector.CREDIT_CARD_NUMBER, s, e);
                    } else if (on[Detector.CREDIT_CARD_NUMBER_NO_KEYWORD.ordinal()]
                            && !(near(Detector.CREDIT_CARD_NUMBER, s, e))) {
                        emit(Detector.CREDIT_CARD_NUMBER_NO_KEYWORD, s, e);
                    }
                }
                g = best;
            }
        }
    }

    /** Issuer prefix and length (Amex, Dankort, Diners, Discover, Electron, JCB, Mastercard, UnionPay, Visa) and Luhn. */
    private boolean isCard(int n) {
        int p2 = digits[0] * 10 + digits[1];
        int p3 = p2 * 10 + digits[2];
        int p4 = p3 * 10 + digits[3];
        int p6 = p4 * 100 + digits[4] * 10 + digits[5];
        boolean issuer;
        if (digits[0] == 4) {
            issuer = n == 13 || n == 16 || n == 19;                               // Visa, Electron, Dankort (4571)
        } else if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) {
            issuer = n == 16;                                                     // Mastercard
        } else if (p2 == 34 || p2 == 37) {
            issuer = n == 15;                                                     // Amex
        } else if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65 || (p6 >= 622126 && p6 <= 622925)) {
            issuer = n >= 16 && n <= 19;                                          // Discover
        } else if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39 || p4 == 3095) {
            issuer = n >= 14 && n <= 19;                                          // Diners Club
        } else if (p4 >= 3528 && p4 <= 3589) {
            issuer = n >= 16 && n <= 19;                                          // JCB
        } else if (p2 == 62 || p2 == 81) {
            issuer = n >= 16 && n <= 19;                                          // UnionPay
        } else if (p4 == 5019) {
            issuer = n == 16;                                                     // Dankort
        } else {
            issuer = false;
        }
        return issuer && Checksums.luhn(digits, n);
    }

    private void numericAt(int g) {
        int l = len(g);
        int s = gs[g];
        // Nine digits: SSN / ITIN / SIN / US passport.
        int nineGroups = 0;
        if (l == 9 && isolated(g, 1)) {
            nineGroups = 1;
        } else if (shape(g, 3, 2, 4) && sepsEqual(g, 3, '-', ' ') && isolated(g, 3)) {
            nineGroups = 3;
        }
        if (nineGroups > 0) {
            int e = ge[g + nineGroups - 1];
            collectDigits(g, nineGroups);
            int area = digits[0] * 100 + digits[1] * 10 + digits[2];
            int grp = digits[3] * 10 + digits[4];
            int serial = digits[5] * 1000 + digits[6] * 100 + digits[7] * 10 + digits[8];
            if (area >= 900) {
                boolean itinGroup = (grp >= 50 && grp <= 65) || (grp >= 70 && grp <= 88) || (grp >= 90 && grp <= 92)
                        || (grp >= 94 && grp <= 99);
                if (itinGroup && on[Detector.USA_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER.ordinal()]
                        && near(Detector.USA_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER, s, e)) {
                    emit(Detector.USA_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER, s, e);
                }
            } else if (area != 0 && area != 666 && grp != 0 && serial != 0
                    && on[Detector.USA_SOCIAL_SECURITY_NUMBER.ordinal()]
                    && near(Detector.USA_SOCIAL_SECURITY_NUMBER, s, e)) {
                emit(Detector.USA_SOCIAL_SECURITY_NUMBER, s, e);
            }
            if (nineGroups == 1 && on[Detector.USA_PASSPORT_NUMBER.ordinal()]
                    && near(Detector.USA_PASSPORT_NUMBER, s, e)) {
                emit(Detector.USA_PASSPORT_NUMBER, s, e);
            }
        }
        int sinGroups = l == 9 && isolated(g, 1) ? 1
                : shape(g, 3, 3, 3) && sepsEqual(g, 3, '-', ' ') && isolated(g, 3) ? 3 : 0;
        if (sinGroups > 0 && on[Detector.CANADA_SOCIAL_INSURANCE_NUMBER.ordinal()]) {
            int n = collectDigits(g, sinGroups);
            int e = ge[g + sinGroups - 1];
            if (digits[0] != 8 && Checksums.luhn(digits, n)
                    && near(Detector.CANADA_SOCIAL_INSURANCE_NUMBER, s, e)) {
                emit(Detector.CANADA_SOCIAL_INSURANCE_NUMBER, s, e);
            }
        }
        // Ten digits: NHS, NPI.
        int nhsGroups = l == 10 && isolated(g, 1) ? 1
                : shape(g, 3, 3, 4) && sepsEqual(g, 3, '-', ' ') && isolated(g, 3) ? 3 : 0;
        if (nhsGroups > 0 && on[Detector.UK_NHS_NUMBER.ordinal()]) {
            int n = collectDigits(g, nhsGroups);
            int e = ge[g + nhsGroups - 1];
            if (Checksums.nhs(digits, n) && near(Detector.UK_NHS_NUMBER, s, e)) {
                emit(Detector.UK_NHS_NUMBER, s, e);
            }
        }
        if (l == 10 && isolated(g, 1) && on[Detector.USA_NATIONAL_PROVIDER_IDENTIFIER.ordinal()]) {
            int n = collectDigits(g, 1);
            if ((digits[0] == 1 || digits[0] == 2) && Checksums.npi(digits, n)
                    && near(Detector.USA_NATIONAL_PROVIDER_IDENTIFIER, s, ge[g])) {
                emit(Detector.USA_NATIONAL_PROVIDER_IDENTIFIER, s, ge[g]);
            }
        }
        // Solid digit strings gated by keywords: bank account, driver's licence, security code.
        if (l >= 9 && l <= 17 && isolated(g, 1) && on[Detector.BANK_ACCOUNT_NUMBER.ordinal()]
                && near(Detector.BANK_ACCOUNT_NUMBER, s, ge[g])) {
            emit(Detector.BANK_ACCOUNT_NUMBER, s, ge[g]);
        }
        if (l >= 7 && l <= 13 && isolated(g, 1) && on[Detector.DRIVERS_LICENSE.ordinal()]
                && near(Detector.DRIVERS_LICENSE, s, ge[g])) {
            emit(Detector.DRIVERS_LICENSE, s, ge[g]);
        }
        if ((l == 3 || l == 4) && isolated(g, 1) && on[Detector.CREDIT_CARD_SECURITY_CODE.ordinal()]
                && near(Detector.CREDIT_CARD_SECURITY_CODE, s, ge[g])) {
            emit(Detector.CREDIT_CARD_SECURITY_CODE, s, ge[g]);
        }
        if (on[Detector.PHONE_NUMBER.ordinal()]) {
            phone(g);
        }
        if (on[Detector.DATE_OF_BIRTH.ordinal()] || on[Detector.CREDIT_CARD_EXPIRATION.ordinal()]) {
            dates(g);
        }
        if (on[Detector.LATITUDE_LONGITUDE.ordinal()]) {
            latitudeLongitude(g);
        }
        if (l == 5 && on[Detector.ADDRESS.ordinal()]) {
            int zipEnd = ge[g];
            if (g + 1 < groups && sep(g + 1) == '-' && len(g + 1) == 4) {
                zipEnd = ge[g + 1];
            }
            if (zipEnd >= to || cls(b[zipEnd]) == OTHER) {
                int start = AddressMatcher.addressStart(b, from, s, zipEnd);
                if (start >= 0) {
                    emit(Detector.ADDRESS, start, zipEnd);
                }
            }
        }
    }

    private void phone(int g) {
        int s = gs[g];
        boolean plus = s > from && b[s - 1] == '+';
        int first = g;
        boolean countryCode = false;
        if (len(g) == 1 && b[s] == '1' && g + 1 < groups) {
            countryCode = true;
            first = g + 1;
        } else if (len(g) == 11 && b[s] == '1' && isolated(g, 1)) {
            checkPhone(plus ? s - 1 : s, ge[g], s + 1, true);
            return;
        }
        int e;
        int areaStart;
        if (len(first) == 10 && isolated(first, 1)) {
            areaStart = gs[first];
            e = ge[first];
        } else if (shape(first, 3, 3, 4)) {
            char s1 = sep(first + 1);
            char s2 = sep(first + 2);
            boolean parens = gs[first] > from && b[gs[first] - 1] == '('
                    && b[ge[first]] == ')' && (s1 == 0 || s1 == ')');
            boolean plain = s1 != 0 && s1 == s2 && (s1 == '-' || s1 == '.' || s1 == ' ');
            if (!(plain || (parens && (s2 == '-' || s2 == ' ' || s2 == '.')))) {
                return;
            }
            if (!parens && s1 == 0) {
                return;
            }
            if (parens && gs[first + 1] - ge[first] > 2) {
                return;
            }
            if (first + 3 < groups) {
                char after = sep(first + 3);
                if (after == '-' || after == '.') {
                    return;
                }
            }
            areaStart = gs[first];
            e = ge[first + 2];
        } else {
            return;
        }
        int start = countryCode ? (plus ? s - 1 : s) : (gs[first] > from && b[gs[first] - 1] == '(' ? gs[first] - 1 : gs[first]);
        checkPhone(start, e, areaStart, countryCode);
    }

    private void checkPhone(int start, int end, int areaStart, boolean countryCode) {
        char area = b[areaStart];
        int exchange = -1;
        // The exchange is the 4th digit of the ten-digit national number.
        int seen = 0;
        for (int q = areaStart; q < end; q++) {
            if (b[q] >= '0' && b[q] <= '9') {
                if (seen == 3) {
                    exchange = b[q];
                    break;
                }
                seen++;
            }
        }
        if (area < '2' || exchange < '2') {
            return;
        }
        // With a keyword nearby the country code is optional; without one it is required.
        if (countryCode || near(Detector.PHONE_NUMBER, start, end)) {
            emit(Detector.PHONE_NUMBER, start, end);
        }
    }

    private void dates(int g) {
        long bits = Detector.DATE_OF_BIRTH.bit() | Detector.CREDIT_CARD_EXPIRATION.bit();
        if (g + 1 >= groups || consumed[g]) {
            return;
        }
        char sp = sep(g + 1);
        if (sp != '/' && sp != '-' && sp != '.' || len(g) > 4 || len(g + 1) > 4) {
            return;
        }
        if (g + 2 < groups && sep(g + 2) == sp) {
            int a = value(g);
            int m = value(g + 1);
            int c = value(g + 2);
            boolean dmy = len(g) <= 2 && len(g + 1) <= 2 && (len(g + 2) == 4 || len(g + 2) == 2)
                    && ((a >= 1 && a <= 31 && m >= 1 && m <= 12) || (a >= 1 && a <= 12 && m >= 1 && m <= 31));
            boolean ymd = len(g) == 4 && len(g + 1) <= 2 && len(g + 2) <= 2 && m >= 1 && m <= 12 && c >= 1
                    && c <= 31 && a >= 1900 && a <= 2100;
            if (((dmy && (len(g + 2) == 2 || (c >= 1900 && c <= 2100))) || ymd) && lineHas(bits)) {
                reportDate(gs[g], ge[g + 2], true);
                return;
            }
        }
        // MM/YY or MM/YYYY: an expiration date only.
        int m = value(g);
        int y = value(g + 1);
        if (len(g) <= 2 && m >= 1 && m <= 12 && (len(g + 1) == 2 || (len(g + 1) == 4 && y >= 2000 && y <= 2100))
                && (g + 2 >= groups || sep(g + 2) != sp) && on[Detector.CREDIT_CARD_EXPIRATION.ordinal()]
                && near(Detector.CREDIT_CARD_EXPIRATION, gs[g], ge[g + 1])) {
            emit(Detector.CREDIT_CARD_EXPIRATION, gs[g], ge[g + 1]);
        }
    }

    private int value(int g) {
        int v = 0;
        for (int q = gs[g]; q < ge[g] && q < gs[g] + 6; q++) {
            v = v * 10 + (b[q] - '0');
        }
        return v;
    }

    private void latitudeLongitude(int g) {
        if (g + 3 >= groups || len(g) > 2 || sep(g + 1) != '.' || len(g + 1) < 3 || len(g + 2) > 3
                || sep(g + 3) != '.' || len(g + 3) < 3) {
            return;
        }
        int between0 = ge[g + 1];
        int between1 = gs[g + 2];
        if (b[between0] != ',') {
            return;
        }
        for (int q = between0 + 1; q < between1; q++) {
            if (b[q] != ' ' && b[q] != '-') {
                return;
            }
        }
        int lat = value(g);
        int lon = value(g + 2);
        if (lat > 90 || lon > 180) {
            return;
        }
        int start = gs[g] > from && b[gs[g] - 1] == '-' ? gs[g] - 1 : gs[g];
        if (near(Detector.LATITUDE_LONGITUDE, start, ge[g + 3])) {
            emit(Detector.LATITUDE_LONGITUDE, start, ge[g + 3]);
        }
    }

    // ---------------------------------------------------------------- small helpers

    /** Character class; anything outside ASCII counts as OTHER for the triggers. */
    private static byte cls(char c) {
        return c < 128 ? CLS[c] : OTHER;
    }

    private boolean on(Detector a, Detector b2, Detector c) {
        return on[a.ordinal()] || on[b2.ordinal()] || on[c.ordinal()];
    }

    private boolean startsWith(int p, String s) {
        if (p + s.length() > to) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (b[p + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private boolean regionEqualsIgnoreCase(int p, String lower) {
        if (p < from || p + lower.length() > to) {
            return false;
        }
        for (int k = 0; k < lower.length(); k++) {
            char c = b[p + k];
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            }
            if (c != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private int indexOf(char c, int p, int limit) {
        for (int q = p; q < limit; q++) {
            if (b[q] == c) {
                return q;
            }
        }
        return -1;
    }

    private int skipSpaces(int p) {
        while (p < to && (b[p] == ' ' || b[p] == '\t')) {
            p++;
        }
        return p;
    }

    private int lineEnd(int p) {
        while (p < to && b[p] != '\n' && b[p] != '\r') {
            p++;
        }
        while (p > from && (b[p - 1] == ' ' || b[p - 1] == '\t')) {
            p--;
        }
        return p;
    }
}
