package dev.lapse.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.config.AgentOptions;
import dev.lapse.agent.config.Suppressions;
import dev.lapse.agent.report.model.EndOfLife;
import dev.lapse.agent.report.model.Fix;
import dev.lapse.agent.report.model.Frame;
import dev.lapse.agent.report.model.Group;
import dev.lapse.agent.report.model.Listener;
import dev.lapse.agent.report.model.Owner;
import dev.lapse.agent.report.model.Registration;
import dev.lapse.agent.report.model.Subject;
import dev.lapse.agent.track.OwnerRelation;
import dev.lapse.agent.track.Signal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingGateTest {
    private static Group group(Signal signal, String owner) {
        Instant now = Instant.parse("2026-01-31T12:00:00Z");
        Frame site = new Frame(owner, "<init>", "View.java", 12);
        return new Group(
                signal.wireName() + ":" + owner,
                2,
                now,
                now,
                owner + " is kept alive by Bus",
                1024,
                new Subject("example.Bus", false),
                new Listener(owner + "$$Lambda", "lambda in View.<init> (View.java:12)"),
                new Owner(owner, OwnerRelation.CAPTURED, "the view"),
                new Registration("example.Bus#subscribe", "example.Bus#unsubscribe", "main", null, List.of(site)),
                new EndOfLife(signal, owner + "#close", null, "closed", now, site, List.of(site)),
                List.of(),
                false,
                new Fix(Fix.Kind.REMOVE_CALL, "call bus.unsubscribe(listener) in close()", owner + "#close", ""),
                1);
    }

    private static final List<Group> GROUPS = List.of(
            group(Signal.LIFECYCLE_END, "example.View"),
            group(Signal.ACCUMULATION, "example.Table"),
            group(Signal.ACCUMULATION, "example.Chart"));

    private static FindingGate gate(String suppress, Limit... limits) {
        return new FindingGate(List.of(limits), Suppressions.load(AgentOptions.parse(suppress)));
    }

    @Test
    void by_default_any_group_fails_and_the_message_names_it() {
        FindingGate.Verdict v = gate("", new Limit("*", 0)).judge(GROUPS);
        assertEquals(1, v.breaches().size());
        assertEquals(3, v.counted());
        String message = FindingGate.describe(v.breaches());
        assertTrue(message.contains("*: 3 groups, at most 0 allowed"), message);
        assertTrue(message.contains("- lifecycle-end x2: example.View is kept alive by Bus"), message);
        assertTrue(message.contains("registered example.Bus#subscribe at example.View.<init> (View.java:12)"), message);
        assertTrue(message.contains("fix: call bus.unsubscribe(listener) in close()"), message);
    }

    @Test
    void a_group_counts_against_the_first_limit_of_its_signal() {
        FindingGate.Verdict v =
                gate("", new Limit("accumulation", 2), new Limit("*", 0)).judge(GROUPS);
        assertEquals(1, v.breaches().size());
        assertEquals("*", v.breaches().get(0).limit().signal());
        assertEquals(1, v.breaches().get(0).groups().size());
        assertTrue(gate("", new Limit("accumulation", 2), new Limit("lifecycle-end", 1))
                .judge(GROUPS)
                .passed());
    }

    @Test
    void a_group_no_limit_names_does_not_count() {
        FindingGate.Verdict v = gate("", new Limit("lifecycle-end", 0)).judge(GROUPS);
        assertEquals(1, v.counted());
        assertEquals(1, v.breaches().size());
    }

    @Test
    void suppressed_groups_do_not_count() {
        FindingGate.Verdict v =
                gate("suppress=example.View:example.T*", new Limit("*", 1)).judge(GROUPS);
        assertTrue(v.passed());
        assertEquals(2, v.suppressed());
        assertEquals(1, v.counted());
    }

    @Test
    void a_misspelt_signal_is_an_error_not_a_gate_that_lets_everything_through() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new Limit("lifecycle-ned", 0).validate());
        assertTrue(e.getMessage().contains("'lifecycle-ned' matches no signal (valid: lifecycle-end"), e.getMessage());
        new Limit("*-end", 0).validate();
    }
}
