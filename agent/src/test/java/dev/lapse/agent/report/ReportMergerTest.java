package dev.lapse.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.model.Gc;
import dev.lapse.agent.report.model.Group;
import dev.lapse.agent.report.model.Jvm;
import dev.lapse.agent.report.model.Merge;
import dev.lapse.agent.report.model.Report;
import dev.lapse.agent.track.Signal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportMergerTest {
    @Test
    void groups_of_one_signature_become_one_with_counts_and_sizes_added_and_times_widened() {
        Group early = Reports.group(Signal.LIFECYCLE_END, "same", 2, 100);
        Group late = at(Reports.group(Signal.LIFECYCLE_END, "same", 3, 50), Reports.T0.plusSeconds(100));
        ReportMerger m = new ReportMerger("9.9", 0);
        m.add("a.json", report("1", List.of(early), Map.of("gc", "true", "out", "a"), new Gc(true, true, false)));
        m.add(
                "b.json",
                report(
                        "2",
                        List.of(late, Reports.group(Signal.ACCUMULATION, "other", 9, 10)),
                        Map.of("gc", "true", "out", "b", "log", "debug"),
                        new Gc(true, false, true)));
        Report merged = m.merged();

        assertEquals("9.9", merged.lapse());
        assertEquals(Instant.EPOCH, merged.generated());
        List<Group> groups = merged.groups();
        assertEquals(
                List.of("same", "other"), groups.stream().map(Group::signature).toList(), "most bytes first");
        Group same = groups.get(0);
        assertEquals(5, same.count());
        assertEquals(150, same.retainedBytes());
        assertEquals(early.firstSeen(), same.firstSeen());
        assertEquals(Reports.T0.plusSeconds(100), same.lastSeen());
        assertEquals(2, same.reports());
        assertEquals(early.summary(), same.summary(), "told by the first report that has it");
        assertEquals(1, groups.get(1).reports());

        assertEquals(2, merged.stats().groups());
        assertEquals(
                Reports.stats(0, 0, 0).registrationsSeen() * 2, merged.stats().registrationsSeen());
        assertEquals(0, merged.stats().checkMillis());
        assertEquals(Map.of("gc", "true", "out", ReportMerger.DIFFERS, "log", ReportMerger.DIFFERS), merged.options());
        assertEquals(new Gc(true, false, true), merged.gc(), "forced and happened in all, disabled in any");
        assertEquals(List.of("note-one", "note-two"), merged.notes(), "each note once");
        Merge origin = (Merge) merged.origin();
        assertEquals(
                List.of("a.json", "b.json"),
                origin.sources().stream().map(s -> s.file()).toList());
        assertEquals("2", origin.sources().get(1).pid());
        assertEquals(Reports.T0.toString(), origin.sources().get(0).generated());
    }

    @Test
    void a_merge_merged_again_counts_the_reports_it_is_made_of_anew() {
        ReportMerger m = new ReportMerger("9.9", 0);
        m.add("merged.json", Reports.merged());
        m.note("a note of the merge");
        Report again = m.merged();
        assertEquals(1, again.groups().get(0).reports());
        Merge origin = (Merge) again.origin();
        assertEquals(1, origin.sources().size());
        assertEquals(null, origin.sources().get(0).pid(), "a merge is no one JVM");
        assertTrue(again.notes().contains("a note of the merge"));
        assertFalse(ReportFormat.JSON.render(again).contains("checkMillis"));
    }

    private static Report report(String pid, List<Group> groups, Map<String, String> options, Gc gc) {
        Jvm one = (Jvm) Reports.oneJvm().origin();
        return new Report(
                "1",
                Reports.T0,
                new Jvm(
                        one.version(),
                        one.vendor(),
                        one.vm(),
                        pid,
                        one.main(),
                        one.started(),
                        one.mode(),
                        one.uptimeMillis()),
                gc,
                options,
                groups,
                List.of("note-one", "note-two"),
                Reports.stats(groups.stream().mapToLong(Group::count).sum(), groups.size(), 5));
    }

    private static Group at(Group g, Instant lastSeen) {
        return new Group(
                g.signature(),
                g.count(),
                g.firstSeen(),
                lastSeen,
                "later " + g.summary(),
                g.retainedBytes(),
                g.subject(),
                g.listener(),
                g.owner(),
                g.registration(),
                g.endOfLife(),
                g.chain(),
                g.chainTraced(),
                g.fix(),
                g.reports());
    }
}
