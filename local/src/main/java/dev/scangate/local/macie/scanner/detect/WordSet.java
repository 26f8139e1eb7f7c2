package dev.scangate.local.macie.scanner.detect;

import java.util.Collection;
import java.util.Locale;

/** A case-insensitive set of ASCII words that answers for a slice of a char array without allocating. */
final class WordSet {

    private final char[][] table;
    private final int mask;

    WordSet(Collection<String> words) {
        int size = Integer.highestOneBit(Math.max(16, words.size() * 4)) << 1;
        table = new char[size][];
        mask = size - 1;
        for (String w : words) {
            char[] lw = w.toLowerCase(Locale.ROOT).toCharArray();
            int h = hash(lw, 0, lw.length) & mask;
            while (table[h] != null) {
                h = (h + 1) & mask;
            }
            table[h] = lw;
        }
    }

    boolean contains(char[] b, int from, int to) {
        int h = hash(b, from, to) & mask;
        while (table[h] != null) {
            char[] w = table[h];
            if (w.length == to - from && equalsLower(w, b, from)) {
                return true;
            }
            h = (h + 1) & mask;
        }
        return false;
    }

    private static boolean equalsLower(char[] w, char[] b, int from) {
        for (int i = 0; i < w.length; i++) {
            if (w[i] != lower(b[from + i])) {
                return false;
            }
        }
        return true;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    private static int hash(char[] b, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + lower(b[i]);
        }
        return h ^ (h >>> 16);
    }
}
