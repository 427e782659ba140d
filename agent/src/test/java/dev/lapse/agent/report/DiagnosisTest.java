package dev.lapse.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.Diagnosis.Reason;
import dev.lapse.agent.report.model.Gc;
import dev.lapse.agent.report.model.Jvm;
import dev.lapse.agent.report.model.Origin;
import dev.lapse.agent.report.model.Report;
import dev.lapse.agent.report.model.ReportStats;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiagnosisTest {

    @Test
    void a_report_with_findings_needs_no_diagnosis() {
        assertEquals(Optional.empty(), Diagnosis.of(Reports.oneJvm()));
    }

    @Test
    void registrations_alive_with_no_end_of_life_name_the_lifecycle_option() {
        Diagnosis d = diagnose(noEnd(), launch(), Map.of());
        assertEquals(new Diagnosis(Reason.NO_END_OF_LIFE, 0, 21, 0), d);
        assertEquals(
                "Alive and unjudged 21, ended and collected 0. Most likely no owner's life ended as Lapse sees it:"
                        + " name the method that ends it with option lifecycle (e.g. lifecycle=teardown), or call"
                        + " Lapse.expectCollected(owner, why). See docs/troubleshooting.md#no-end-of-life-was-seen.",
                d.line());
    }

    @Test
    void nothing_seen_is_an_api_not_recognised_at_launch_and_a_late_attach_after_one() {
        Counts nothing = new Counts();
        assertEquals(
                Reason.NOTHING_RECOGNISED, diagnose(nothing, launch(), Map.of()).reason());
        assertEquals(Reason.ATTACHED_LATE, diagnose(nothing, attach(), Map.of()).reason());
        assertEquals(Reason.ATTACHED_LATE, diagnose(noEnd(), attach(), Map.of()).reason(), "no end seen either");
        assertTrue(diagnose(nothing, launch(), Map.of())
                .line()
                .endsWith("See docs/troubleshooting.md#the-registration-api-is-not-recognised."));
    }

    @Test
    void owners_waiting_for_a_collection_say_what_kept_it_from_coming() {
        Counts waiting =
                new Counts().seen(4).tracked(4).signals(2).candidates(2).awaiting(3);
        Diagnosis off = diagnose(waiting, launch(), Map.of("gc", "false"));
        assertEquals(new Diagnosis(Reason.GC_OFF, 3, 0, 0), off);
        assertTrue(
                off.line()
                        .contains("which option gc=false keeps Lapse from forcing: 3 registrations of theirs"
                                + " await one. See docs/troubleshooting.md#no-full-collection."),
                off.line());
        assertEquals(
                Reason.EXPLICIT_GC_DISABLED,
                diagnose(waiting, launch(), new Gc(true, false, true), Map.of("gc", "true"))
                        .reason());
        assertEquals(
                Reason.NO_FULL_GC,
                diagnose(waiting, launch(), Map.of("gc", "true")).reason());
    }

    @Test
    void the_first_reason_that_applies_is_given() {
        Counts all = new Counts()
                .seen(9)
                .tracked(5)
                .signals(3)
                .suppressed(1)
                .awaiting(1)
                .undecided(1)
                .dropped(1)
                .notHeld(1);
        assertEquals(Reason.SUPPRESSED, diagnose(all, launch(), Map.of()).reason());
        assertEquals(
                Reason.NO_FULL_GC,
                diagnose(all.suppressed(0), launch(), Map.of()).reason());
        assertEquals(
                Reason.WALK_BUDGET,
                diagnose(all.awaiting(0), launch(), Map.of()).reason());
        assertEquals(
                Reason.DROPPED, diagnose(all.undecided(0), launch(), Map.of()).reason());
        assertEquals(
                Reason.NOT_HELD, diagnose(all.dropped(0), launch(), Map.of()).reason());
        assertEquals(Reason.LET_GO, diagnose(all.notHeld(0), launch(), Map.of()).reason());
    }

    @Test
    void owners_that_ended_and_let_go_mean_nothing_leaked() {
        Diagnosis d = diagnose(
                new Counts().seen(44).tracked(5).signals(30).unjudged(5).collected(2), launch(), Map.of());
        assertEquals(
                "Alive and unjudged 5, ended and collected 2. Most likely nothing leaked: every owner that ended let"
                        + " go of its listeners or was collected. See docs/troubleshooting.md.",
                d.line());
    }

    @Test
    void one_count_reads_in_the_singular() {
        Counts one = new Counts().seen(3).tracked(3).signals(1).notHeld(1);
        assertTrue(
                diagnose(one, launch(), Map.of()).line().contains("the subjects of 1 registration of ended owners"),
                diagnose(one, launch(), Map.of()).line());
    }

    @Test
    void a_merged_report_is_diagnosed_from_its_added_counters() {
        Report merged = Reports.merged();
        Report empty = new Report(
                merged.lapse(),
                merged.generated(),
                merged.origin(),
                merged.gc(),
                merged.options(),
                List.of(),
                merged.notes(),
                noEnd().stats());
        assertEquals(Reason.NO_END_OF_LIFE, Diagnosis.of(empty).orElseThrow().reason(), "a merge is no attach");
    }

    /** A run that saw 21 registrations, all alive, none of whose owners ended: issue 19's newcomer. */
    private static Counts noEnd() {
        return new Counts().seen(21).tracked(21).unjudged(21);
    }

    private static Diagnosis diagnose(Counts c, Origin origin, Map<String, String> options) {
        return diagnose(c, origin, new Gc(true, true, false), options);
    }

    private static Diagnosis diagnose(Counts c, Origin origin, Gc gc, Map<String, String> options) {
        return Diagnosis.of(new Report("1", Reports.T0, origin, gc, options, List.of(), List.of(), c.stats()))
                .orElseThrow();
    }

    private static Jvm launch() {
        return jvm("launch");
    }

    private static Jvm attach() {
        return jvm("attach");
    }

    private static Jvm jvm(String mode) {
        return new Jvm("17", "Acme", "VM", "1", "Main", "2026-01-31T11:59:00Z", mode, "1000");
    }

    /** The counters a diagnosis reads, the rest 0; each setter changes this one and returns it. */
    private static final class Counts {
        private long seen, tracked, dropped, signals, collected, candidates, awaiting, notHeld, undecided, unjudged;
        private long suppressed;

        Counts seen(long n) {
            seen = n;
            return this;
        }

        Counts tracked(long n) {
            tracked = n;
            return this;
        }

        Counts dropped(long n) {
            dropped = n;
            return this;
        }

        Counts signals(long n) {
            signals = n;
            return this;
        }

        Counts collected(long n) {
            collected = n;
            return this;
        }

        Counts candidates(long n) {
            candidates = n;
            return this;
        }

        Counts awaiting(long n) {
            awaiting = n;
            return this;
        }

        Counts notHeld(long n) {
            notHeld = n;
            return this;
        }

        Counts undecided(long n) {
            undecided = n;
            return this;
        }

        Counts unjudged(long n) {
            unjudged = n;
            return this;
        }

        Counts suppressed(long n) {
            suppressed = n;
            return this;
        }

        ReportStats stats() {
            return new ReportStats(
                    seen,
                    tracked,
                    dropped,
                    0,
                    signals,
                    collected,
                    candidates,
                    awaiting,
                    notHeld,
                    undecided,
                    unjudged,
                    0,
                    suppressed,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0);
        }
    }
}
