package dev.scangate.local.macie.scanner.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds managed-identifier keywords in text (Macie's proximity rule, §1.2): case-insensitive; a space
 * in a keyword also matches no space, {@code _} or {@code -}; a keyword starts at a word boundary and
 * (if it ends with a letter) ends at one. Keywords are bucketed by their first character, so a scan
 * costs one table look-up per word start.
 */
public final class KeywordIndex {

    private static final KeywordIndex INSTANCE = new KeywordIndex();

    /** Keywords by their first two characters (lower case, ASCII): one look-up per word start. */
    private final char[][][] buckets = new char[128 * 128][][];
    private final long[][] bucketBits = new long[128 * 128][];
    private final ConcurrentHashMap<String, Long> nameMasks = new ConcurrentHashMap<>();

    private KeywordIndex() {
        List<List<char[]>> kw = new ArrayList<>();
        List<List<Long>> bits = new ArrayList<>();
        for (int i = 0; i < 128 * 128; i++) {
            kw.add(new ArrayList<>());
            bits.add(new ArrayList<>());
        }
        for (Detector d : Detector.values()) {
            for (String k : d.keywords()) {
                String lower = k.toLowerCase(Locale.ROOT);
                char first = lower.charAt(0);
                char second = lower.charAt(1);
                if (first < 128 && second < 128) {
                    kw.get(first * 128 + second).add(lower.toCharArray());
                    bits.get(first * 128 + second).add(d.bit());
                }
            }
        }
        for (int i = 0; i < 128 * 128; i++) {
            if (!kw.get(i).isEmpty()) {
                buckets[i] = kw.get(i).toArray(new char[0][]);
                bucketBits[i] = bits.get(i).stream().mapToLong(Long::longValue).toArray();
            }
        }
    }

    public static KeywordIndex instance() {
        return INSTANCE;
    }

    /** Keyword groups found anywhere in a column name or JSON path element name (cached: names repeat). */
    public long maskOf(String name) {
        if (name == null || name.isEmpty()) {
            return 0L;
        }
        Long cached = nameMasks.get(name);
        if (cached != null) {
            return cached;
        }
        char[] c = name.toCharArray();
        long[] mask = new long[1];
        scan(c, 0, c.length, (bit, s, e) -> mask[0] |= bit);
        if (nameMasks.size() < 100_000) {
            nameMasks.put(name, mask[0]);
        }
        return mask[0];
    }

    /** Receives each keyword hit. */
    @FunctionalInterface
    public interface Hits {
        void hit(long bit, int start, int end);
    }

    /** Reports every keyword occurrence in {@code b[from..to)}. */
    public void scan(char[] b, int from, int to, Hits hits) {
        boolean prevWord = false;
        for (int i = from; i < to; i++) {
            char c = b[i];
            boolean word = c < 128 ? (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')
                    : Character.isLetterOrDigit(c);
            if (!prevWord && i + 1 < to && c < 128 && b[i + 1] < 128) {
                char c2 = b[i + 1];
                int key = lower(c) * 128 + lower(c2);
                char[][] bucket = buckets[key];
                if (bucket != null) {
                    long[] bb = bucketBits[key];
                    for (int k = 0; k < bucket.length; k++) {
                        int end = match(b, i, to, bucket[k]);
                        if (end >= 0) {
                            hits.hit(bb[k], i, end);
                        }
                    }
                }
            }
            prevWord = word;
        }
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    private static int match(char[] b, int at, int to, char[] kw) {
        int j = at;
        for (int k = 0; k < kw.length; k++) {
            char want = kw[k];
            if (want == ' ') {
                if (j < to && (b[j] == ' ' || b[j] == '_' || b[j] == '-')) {
                    j++;
                }
                continue;
            }
            if (j >= to) {
                return -1;
            }
            char c = b[j];
            if (c != want && Character.toLowerCase(c) != want) {
                return -1;
            }
            j++;
        }
        char last = kw[kw.length - 1];
        if (Character.isLetter(last) && j < to && Character.isLetter(b[j])) {
            return -1;
        }
        return j;
    }
}
