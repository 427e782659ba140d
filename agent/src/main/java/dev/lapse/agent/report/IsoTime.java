package dev.lapse.agent.report;

import java.time.Instant;

/**
 * An instant as {@link Instant#toString()} writes it ({@code 2026-12-03T14:11:46.043Z}: UTC, the fraction in groups
 * of three digits, none when it is zero), without {@code java.time.format}: every report is written at exit, and
 * loading the formatter's machinery cost the exit of a JVM that leaked nothing tens of milliseconds. Years outside
 * 0000–9999 go to {@link Instant#toString()}.
 */
public final class IsoTime {
    private static final long SECONDS_PER_DAY = 86_400;
    /** 0000-01-01 and 9999-12-31 23:59:59, in seconds since the epoch. */
    private static final long MIN = -62_167_219_200L;

    private static final long MAX = 253_402_300_799L;

    private IsoTime() {}

    public static String of(Instant t) {
        long seconds = t.getEpochSecond();
        if (seconds < MIN || seconds > MAX) {
            return t.toString();
        }
        long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        // the civil date of a day count (Howard Hinnant's days_from_civil, inverted), in eras of 400 years
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153; // March is 0
        int day = (int) (dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
        int month = (int) (shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        StringBuilder s = new StringBuilder(30);
        pad(s, year, 4).append('-');
        pad(s, month, 2).append('-');
        pad(s, day, 2).append('T');
        pad(s, secondOfDay / 3600, 2).append(':');
        pad(s, secondOfDay / 60 % 60, 2).append(':');
        pad(s, secondOfDay % 60, 2);
        int nano = t.getNano();
        if (nano != 0) {
            s.append('.');
            if (nano % 1_000_000 == 0) {
                pad(s, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                pad(s, nano / 1_000, 6);
            } else {
                pad(s, nano, 9);
            }
        }
        return s.append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder s, long n, int width) {
        String digits = Long.toString(n);
        for (int i = digits.length(); i < width; i++) {
            s.append('0');
        }
        return s.append(digits);
    }
}
