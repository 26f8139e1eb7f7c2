package dev.scangate.local.macie.scanner.identifiers;

/** Check-digit algorithms over digits already extracted into an array (no allocation on the hot path). */
public final class Checksums {

    private Checksums() { }

    /** Luhn over {@code digits[0..n)}. */
    public static boolean luhn(int[] digits, int n) {
        int sum = 0;
        boolean dbl = false;
        for (int i = n - 1; i >= 0; i--) {
            int d = digits[i];
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    /** NPI: Luhn over the number prefixed with 80840 (the card-issuer prefix for US health). */
    public static boolean npi(int[] digits, int n) {
        if (n != 10) {
            return false;
        }
        int[] withPrefix = new int[15];
        withPrefix[0] = 8;
        withPrefix[1] = 0;
        withPrefix[2] = 8;
        withPrefix[3] = 4;
        withPrefix[4] = 0;
        System.arraycopy(digits, 0, withPrefix, 5, 10);
        return luhn(withPrefix, 15);
    }

    /** NHS number: weights 10..2 over the first nine digits, check = 11 - sum mod 11 (11 → 0, 10 invalid). */
    public static boolean nhs(int[] digits, int n) {
        if (n != 10) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += digits[i] * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits[9];
    }

    /** IBAN ISO 13616 mod-97 over {@code s[from..to)}: upper-case letters and digits only. */
    public static boolean ibanMod97(CharSequence s, int from, int to) {
        int len = to - from;
        int rem = 0;
        for (int k = 0; k < len; k++) {
            char c = s.charAt(from + (k + 4) % len);
            if (c >= '0' && c <= '9') {
                rem = (rem * 10 + (c - '0')) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                int v = c - 'A' + 10;
                rem = (rem * 100 + v) % 97;
            } else {
                return false;
            }
        }
        return rem == 1;
    }

    /** VIN check digit (ISO 3779, position 9), as required for North-American VINs. */
    public static boolean vin(CharSequence s, int from) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = vinValue(s.charAt(from + i));
            if (v < 0) {
                return false;
            }
            sum += v * VIN_WEIGHTS[i];
        }
        int check = sum % 11;
        char expected = check == 10 ? 'X' : (char) ('0' + check);
        return s.charAt(from + 8) == expected;
    }

    private static final int[] VIN_WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

    private static int vinValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return switch (c) {
            case 'A', 'J' -> 1;
            case 'B', 'K', 'S' -> 2;
            case 'C', 'L', 'T' -> 3;
            case 'D', 'M', 'U' -> 4;
            case 'E', 'N', 'V' -> 5;
            case 'F', 'W' -> 6;
            case 'G', 'P', 'X' -> 7;
            case 'H', 'Y' -> 8;
            case 'R', 'Z' -> 9;
            default -> -1; // I, O, Q and everything else are not VIN characters
        };
    }
}
