package dev.lapse.agent.report;

import dev.lapse.agent.report.model.ChainStep;
import dev.lapse.agent.report.model.EndOfLife;
import dev.lapse.agent.report.model.Frame;
import dev.lapse.agent.report.model.Group;
import dev.lapse.agent.report.model.Handle;
import dev.lapse.agent.report.model.Jvm;
import dev.lapse.agent.report.model.Merge;
import dev.lapse.agent.report.model.Report;
import dev.lapse.agent.report.model.ReportStats;
import dev.lapse.agent.report.model.Source;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The report for tools: {@code {"schema": 1, "lapse": VERSION, "jvm": {...}, "findings": [...], "stats": {...}}}.
 * Field names are stable; new fields may be added within a schema version, none removed or renamed.
 * {@link JsonReportReader} reads what this writes, and a test holds the two to each other.
 */
final class JsonReportWriter implements ReportWriter {
    @Override
    public String write(Report r) {
        boolean merged = r.origin() instanceof Merge;
        Json j = new Json().beginObject();
        j.field("schema", Report.SCHEMA).field("lapse", r.lapse()).field("generated", time(r.generated()));
        j.name("jvm").beginObject();
        if (r.origin() instanceof Jvm jvm) {
            jvm(j, jvm);
        } else {
            j.field("mode", "merge");
        }
        j.name("gc")
                .beginObject()
                .field("forced", r.gc().forced())
                .field("fullGcHappened", r.gc().fullGcHappened())
                .field("explicitGcDisabled", r.gc().explicitGcDisabled())
                .endObject();
        j.endObject();
        if (r.origin() instanceof Merge m) {
            j.name("sources").beginArray();
            for (Source s : m.sources()) {
                j.beginObject()
                        .field("file", s.file())
                        .field("pid", s.pid())
                        .field("main", s.main())
                        .field("javaVersion", s.javaVersion())
                        .field("generated", s.generated())
                        .field("findings", s.findings())
                        .endObject();
            }
            j.endArray();
        }
        j.name("options").beginObject();
        for (Map.Entry<String, String> e : r.options().entrySet()) {
            j.field(e.getKey(), e.getValue());
        }
        j.endObject();
        j.name("findings").beginArray();
        for (Group g : r.groups()) {
            group(j, g, merged);
        }
        j.endArray();
        j.name("notes").beginArray();
        for (String note : r.notes()) {
            j.value(note);
        }
        j.endArray();
        stats(j, r.stats(), merged);
        return j.endObject().toString();
    }

    private static void jvm(Json j, Jvm jvm) {
        j.field("version", jvm.version())
                .field("vendor", jvm.vendor())
                .field("vm", jvm.vm())
                .field("pid", jvm.pid())
                .field("main", jvm.main())
                .field("started", jvm.started())
                .field("mode", jvm.mode())
                .field("uptimeMillis", jvm.uptimeMillis());
    }

    /** A merge adds its reports' counters and counts its own groups; it took no time to check. */
    private static void stats(Json j, ReportStats s, boolean merged) {
        j.name("stats")
                .beginObject()
                .field("registrationsSeen", s.registrationsSeen())
                .field("tracked", s.tracked())
                .field("dropped", s.dropped())
                .field("removed", s.removed())
                .field("endOfLifeSignals", s.endOfLifeSignals())
                .field("endedCollected", s.endedCollected())
                .field("candidates", s.candidates())
                .field("awaitingFullGc", s.awaitingFullGc())
                .field("notHeld", s.notHeld())
                .field("undecided", s.undecided())
                .field("unjudged", s.unjudged())
                .field("findings", s.findings())
                .field("suppressed", s.suppressed());
        if (!merged) {
            j.field("groups", s.groups());
        }
        j.field("hookErrors", s.hookErrors())
                .field("instrumentedMethods", s.instrumentedMethods())
                .field("transformErrors", s.transformErrors())
                .field("walkVisited", s.walkVisited());
        if (merged) {
            j.field("groups", s.groups());
        } else {
            j.field("checkMillis", s.checkMillis());
        }
        j.endObject();
    }

    private static void group(Json j, Group g, boolean merged) {
        j.beginObject();
        j.field("signature", g.signature())
                .field("signal", g.signal().wireName())
                .field("count", g.count())
                .field("firstSeen", time(g.firstSeen()))
                .field("lastSeen", time(g.lastSeen()))
                .field("summary", g.summary());
        j.name("retained")
                .beginObject()
                .field("bytes", g.retainedBytes())
                .field("estimate", true)
                .endObject();
        j.name("subject")
                .beginObject()
                .field("class", g.subject().className())
                .field("static", g.subject().isStatic())
                .endObject();
        j.name("listener")
                .beginObject()
                .field("class", g.listener().className())
                .field("display", g.listener().display())
                .endObject();
        j.name("owner")
                .beginObject()
                .field("class", g.owner().className())
                .field("relation", g.owner().relation().wireName())
                .field("explanation", g.owner().explanation())
                .endObject();
        j.name("registration")
                .beginObject()
                .field("method", g.registration().method())
                .field("removeMethod", g.registration().removeMethod())
                .field("thread", g.registration().thread());
        j.name("handle");
        Handle h = g.registration().handle();
        if (h == null) {
            j.value((String) null);
        } else {
            j.beginObject()
                    .field("type", h.type())
                    .field("close", h.close())
                    .field("dropped", h.dropped())
                    .field("field", h.field())
                    .endObject();
        }
        j.name("site");
        frames(j, g.registration().site());
        j.name("paths").beginArray();
        for (List<Frame> path : g.registration().paths()) {
            frames(j, path);
        }
        j.endArray();
        j.endObject();
        EndOfLife end = g.endOfLife();
        j.name("endOfLife")
                .beginObject()
                .field("signal", end.signal().wireName())
                .field("method", end.method())
                .field("reason", end.reason())
                .field("description", end.description())
                .field("time", time(end.time()));
        j.name("at");
        if (end.at() == null) {
            j.value((String) null);
        } else {
            frame(j, end.at());
        }
        j.name("site");
        frames(j, end.site());
        j.endObject();
        j.name("chain").beginArray();
        for (ChainStep s : g.chain()) {
            j.beginObject()
                    .field("from", s.step().from())
                    .field("field", s.step().field())
                    .field("to", s.step().to())
                    .field("role", s.role().wireName())
                    .endObject();
        }
        j.endArray();
        j.field("chainTraced", g.chainTraced());
        j.name("recommendation")
                .beginObject()
                .field("kind", g.fix().kind().wireName())
                .field("summary", g.fix().summary())
                .field("where", g.fix().where())
                .field("code", g.fix().code())
                .endObject();
        if (merged) {
            j.field("reports", g.reports());
        }
        j.endObject();
    }

    private static String time(Instant t) {
        return t == null ? null : IsoTime.of(t);
    }

    private static void frames(Json j, List<Frame> frames) {
        j.beginArray();
        for (Frame f : frames) {
            frame(j, f);
        }
        j.endArray();
    }

    private static void frame(Json j, Frame f) {
        j.beginObject()
                .field("class", f.className())
                .field("method", f.method())
                .field("file", f.file())
                .field("line", f.line())
                .endObject();
    }
}
