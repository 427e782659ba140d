package dev.lapse.agent.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** The valid word a mistyped one was most likely meant to be: {@code lifecylce} for {@code lifecycle}. */
public final class Spelling {
    /** Edits (insert, delete, replace, swap two neighbours) a typo may have; more is another word. */
    private static final int MAX_EDITS = 2;

    private Spelling() {}

    /** The candidate closest to {@code word} within a couple of edits, case ignored; empty when none is close. */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String typed = word.toLowerCase(Locale.ROOT);
        for (String candidate : candidates) {
            int d = distance(typed, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance && d <= MAX_EDITS && d < candidate.length()) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Optimal string alignment distance: Levenshtein's edits plus the swap of two neighbouring letters. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
