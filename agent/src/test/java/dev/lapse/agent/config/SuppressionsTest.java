package dev.lapse.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lapse.agent.track.Signal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuppressionsTest {
    @Test
    void a_signal_pattern_that_names_no_signal_is_rejected_with_the_signals_listed(@TempDir Path dir)
            throws IOException {
        Path rules = dir.resolve("lapse.rules");
        Files.writeString(rules, "signal=lifecycle owner=com.acme.*\n");
        OptionException e = assertThrows(OptionException.class, () -> Suppressions.load(List.of(), rules));
        assertEquals(
                "Lapse: rule at " + rules + ":1: signal 'lifecycle' matches no signal: one of " + Signal.names(),
                e.getMessage());
    }

    @Test
    void a_signal_pattern_matches_signals_by_their_wire_names(@TempDir Path dir) throws IOException {
        Path rules = dir.resolve("lapse.rules");
        Files.writeString(rules, "signal=*-end owner=com.acme.*\n");
        Suppressions s = Suppressions.load(List.of(), rules);
        assertNotNull(s.match(Signal.LIFECYCLE_END, "com.acme.Bus", "com.acme.L", "com.acme.O", List.of()));
        assertNotNull(s.match(Signal.SCOPE_END, "com.acme.Bus", "com.acme.L", "com.acme.O", List.of()));
        assertNull(s.match(Signal.EXPLICIT, "com.acme.Bus", "com.acme.L", "com.acme.O", List.of()));
    }
}
