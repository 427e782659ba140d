package dev.lapse.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoTimeTest {
    @Test
    void writes_what_instant_to_string_writes() {
        SplittableRandom random = new SplittableRandom(14);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            long seconds = random.nextLong(min, max + 1);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(seconds, nano);
            assertEquals(t.toString(), IsoTime.of(t));
        }
    }

    @Test
    void writes_the_edges_and_leap_days() {
        for (String iso : new String[] {
            "0000-01-01T00:00:00Z",
            "1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59.999Z",
            "2000-02-29T12:00:00.043Z",
            "2100-03-01T00:00:00Z",
            "2026-12-03T14:11:46.043Z",
            "9999-12-31T23:59:59.999999999Z",
            "+10000-01-01T00:00:00Z",
            "-0001-12-31T00:00:00Z"
        }) {
            Instant t = Instant.parse(iso);
            assertEquals(t.toString(), IsoTime.of(t), iso);
        }
    }
}
