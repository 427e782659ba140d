package dev.lapse.agent.report;

import dev.lapse.agent.confirm.Finding;
import dev.lapse.agent.confirm.Step;
import dev.lapse.agent.track.OwnerRelation;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The report for tools: {@code {"schema": 1, "lapse": VERSION, "jvm": {...}, "findings": [...], "stats": {...}}}.
 * Field names are stable; new fields may be added within a schema version, none removed or renamed.
 */
public final class JsonReportWriter {
    private JsonReportWriter() {}

    public static String write(Report r) {
        Json j = new Json().beginObject();
        j.field("schema", Report.SCHEMA)
                .field("lapse", r.version)
                .field("generated", Instant.ofEpochMilli(r.generatedMillis).toString());
        j.name("jvm").beginObject();
        for (Map.Entry<String, String> e : r.jvm.entrySet()) {
            j.field(e.getKey(), e.getValue());
        }
        j.name("gc")
                .beginObject()
                .field("forced", r.check.gcForced)
                .field("fullGcHappened", r.check.gcHappened)
                .field("explicitGcDisabled", r.check.explicitGcDisabled)
                .endObject();
        j.endObject();
        j.name("options").beginObject();
        for (Map.Entry<String, String> e : r.options.entrySet()) {
            j.field(e.getKey(), e.getValue());
        }
        j.endObject();
        j.name("findings").beginArray();
        for (FindingGroup g : r.groups) {
            group(j, g);
        }
        j.endArray();
        j.name("notes").beginArray();
        for (String note : r.notes) {
            j.value(note);
        }
        j.endArray();
        j.name("stats")
                .beginObject()
                .field("registrationsSeen", r.stats.seen())
                .field("tracked", r.stats.tracked())
                .field("dropped", r.stats.dropped())
                .field("removed", r.stats.removed())
                .field("endOfLifeSignals", r.stats.signals())
                .field("candidates", r.check.candidates)
                .field("awaitingFullGc", r.check.awaitingGc)
                .field("notHeld", r.check.notHeld)
                .field("undecided", r.check.undecided)
                .field("findings", r.findingCount())
                .field("suppressed", r.check.suppressedCount())
                .field("groups", r.groups.size())
                .field("hookErrors", r.stats.hookErrors())
                .field("instrumentedMethods", r.instrumentedMethods)
                .field("walkVisited", r.check.visited)
                .field("checkMillis", r.check.durationMillis)
                .endObject();
        return j.endObject().toString();
    }

    private static void group(Json j, FindingGroup g) {
        Finding f = g.example();
        StackTraceElement top = Names.topApplicationFrame(f.site);
        j.beginObject();
        j.field("signature", g.signature())
                .field("signal", f.end.signal().wireName())
                .field("count", g.count())
                .field("firstSeen", Instant.ofEpochMilli(g.firstSeen()).toString())
                .field("lastSeen", Instant.ofEpochMilli(g.lastSeen()).toString())
                .field("summary", Story.headline(f));
        j.name("retained")
                .beginObject()
                .field("bytes", g.retainedBytes())
                .field("estimate", true)
                .endObject();
        j.name("subject")
                .beginObject()
                .field("class", f.subjectClass)
                .field("static", f.staticSubject)
                .endObject();
        j.name("listener")
                .beginObject()
                .field("class", Names.stableClass(f.listenerClass))
                .field("display", Names.listener(f.listenerClass, top))
                .endObject();
        j.name("owner")
                .beginObject()
                .field("class", f.ownerClass)
                .field("relation", f.relation.wireName())
                .field("explanation", Story.owner(f))
                .endObject();
        j.name("registration")
                .beginObject()
                .field("method", f.api.display())
                .field(
                        "removeMethod",
                        f.api.removeName() == null ? null : f.api.declaringClass() + "#" + f.api.removeName())
                .field("thread", f.thread);
        j.name("handle");
        if (f.api.handleClose() == null) {
            j.value((String) null);
        } else {
            j.beginObject()
                    .field("type", f.api.handleType())
                    .field("close", f.api.handleClose())
                    .field("dropped", f.handleDropped)
                    .field("field", f.handleField)
                    .endObject();
        }
        j.name("site");
        frames(j, Names.applicationFrames(f.site));
        j.endObject();
        j.name("endOfLife")
                .beginObject()
                .field("signal", f.end.signal().wireName())
                .field("method", f.end.method())
                .field("reason", f.end.reason())
                .field("description", Story.end(f))
                .field("time", Instant.ofEpochMilli(f.end.timeMillis()).toString());
        StackTraceElement at = Story.endFrame(f);
        j.name("at");
        if (at == null) {
            j.value((String) null);
        } else {
            frame(j, at);
        }
        j.name("site");
        frames(j, Names.applicationFrames(f.end.site().frames()));
        j.endObject();
        j.name("chain").beginArray();
        int listenerStep = f.listenerStep();
        for (int i = 0; i < f.chain.size(); i++) {
            Step s = f.chain.get(i);
            String role = i == f.chain.size() - 1
                    ? (f.relation == OwnerRelation.WEAK_DELEGATE ? "collected" : "owner")
                    : i == listenerStep ? "listener" : null;
            j.beginObject()
                    .field("from", s.from)
                    .field("field", s.field)
                    .field("to", s.to)
                    .field("role", role)
                    .endObject();
        }
        j.endArray();
        j.field("chainTraced", f.chainTraced);
        Recommendation rec = Recommendation.of(f);
        j.name("recommendation")
                .beginObject()
                .field("kind", rec.kind)
                .field("summary", rec.summary)
                .field("where", rec.where)
                .field("code", rec.code)
                .endObject();
        j.endObject();
    }

    private static void frames(Json j, List<StackTraceElement> frames) {
        j.beginArray();
        for (StackTraceElement f : frames) {
            frame(j, f);
        }
        j.endArray();
    }

    private static void frame(Json j, StackTraceElement f) {
        j.beginObject()
                .field("class", f.getClassName())
                .field("method", f.getMethodName())
                .field("file", f.getFileName())
                .field("line", f.getLineNumber())
                .endObject();
    }
}
