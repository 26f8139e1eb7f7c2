package dev.scangate.local.macie.scanner.detect;

import dev.scangate.local.macie.scanner.InvalidScanRequestException;
import dev.scangate.local.macie.scanner.ScanSettings.CustomIdentifier;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Custom data identifiers (§3.8): a regex; when keywords are given one of them (case-insensitive)
 * must precede the match with at most {@code maximumMatchDistance} characters from the keyword's end
 * to the match's end (a column or JSON path name containing the keyword also counts); a match that
 * contains an ignore word (case-sensitive) is dropped. User regexes cannot share a pass, so each
 * identifier runs its own matcher over the segment.
 */
public final class CustomIdentifierMatcher {

    private static final int DEFAULT_DISTANCE = 50;

    private final List<Compiled> identifiers = new ArrayList<>();

    private record Compiled(Pattern pattern, String[] keywords, List<String> ignoreWords, int maxDistance) { }

    public CustomIdentifierMatcher(List<CustomIdentifier> customIdentifiers) {
        for (CustomIdentifier c : customIdentifiers) {
            identifiers.add(compile(c));
        }
    }

    /** Validates and compiles one identifier; names the problem when it is unusable. */
    public static void validate(CustomIdentifier c) {
        compile(c);
    }

    private static Compiled compile(CustomIdentifier c) {
        if (c.regex() == null || c.regex().isEmpty() || c.regex().length() > 512) {
            throw new InvalidScanRequestException("custom data identifier '" + c.name()
                    + "': regex must be 1 to 512 characters");
        }
        Pattern p;
        try {
            p = Pattern.compile(c.regex());
        } catch (PatternSyntaxException e) {
            throw new InvalidScanRequestException("custom data identifier '" + c.name() + "': invalid regex: "
                    + e.getDescription());
        }
        int distance = c.maximumMatchDistance() <= 0 ? DEFAULT_DISTANCE : c.maximumMatchDistance();
        if (distance > 300) {
            throw new InvalidScanRequestException("custom data identifier '" + c.name()
                    + "': maximumMatchDistance must be 1 to 300");
        }
        String[] kws = c.keywords().stream().map(k -> k.toLowerCase(Locale.ROOT)).toArray(String[]::new);
        return new Compiled(p, kws, c.ignoreWords(), distance);
    }

    public boolean isEmpty() {
        return identifiers.isEmpty();
    }

    public void scan(char[] b, int from, int to, SegmentContext context, Locator locator, DetectionSink sink) {
        if (identifiers.isEmpty()) {
            return;
        }
        CharBuffer text = CharBuffer.wrap(b, from, to - from);
        for (int i = 0; i < identifiers.size(); i++) {
            Compiled c = identifiers.get(i);
            Matcher m = c.pattern.matcher(text);
            while (m.find()) {
                if (m.end() == m.start()) {
                    continue;
                }
                int s = from + m.start();
                int e = from + m.end();
                if (ignored(c, b, s, e) || !keywordPrecedes(c, b, from, s, e, context)) {
                    continue;
                }
                sink.custom(i, b, from, to, s, e, locator);
            }
        }
    }

    private static boolean ignored(Compiled c, char[] b, int s, int e) {
        if (c.ignoreWords.isEmpty()) {
            return false;
        }
        String match = new String(b, s, e - s);
        for (String w : c.ignoreWords) {
            if (match.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean keywordPrecedes(Compiled c, char[] b, int from, int s, int e, SegmentContext context) {
        if (c.keywords.length == 0) {
            return true;
        }
        String names = context.text().toLowerCase(Locale.ROOT);
        for (String kw : c.keywords) {
            if (!names.isEmpty() && names.contains(kw)) {
                return true;
            }
            int kl = kw.length();
            int earliestEnd = Math.max(from + kl, e - c.maxDistance);
            for (int kwEnd = s; kwEnd >= earliestEnd; kwEnd--) {
                if (regionMatchesLower(b, kwEnd - kl, kw)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean regionMatchesLower(char[] b, int p, String kw) {
        for (int k = 0; k < kw.length(); k++) {
            if (Character.toLowerCase(b[p + k]) != kw.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
