package dev.lapse.agent.report;

import dev.lapse.agent.report.model.ChainStep;
import dev.lapse.agent.report.model.EndOfLife;
import dev.lapse.agent.report.model.Fix;
import dev.lapse.agent.report.model.Frame;
import dev.lapse.agent.report.model.Gc;
import dev.lapse.agent.report.model.Group;
import dev.lapse.agent.report.model.Handle;
import dev.lapse.agent.report.model.Jvm;
import dev.lapse.agent.report.model.Listener;
import dev.lapse.agent.report.model.Merge;
import dev.lapse.agent.report.model.Origin;
import dev.lapse.agent.report.model.Owner;
import dev.lapse.agent.report.model.Registration;
import dev.lapse.agent.report.model.Report;
import dev.lapse.agent.report.model.ReportStats;
import dev.lapse.agent.report.model.Source;
import dev.lapse.agent.report.model.Subject;
import dev.lapse.agent.track.OwnerRelation;
import dev.lapse.agent.track.Signal;
import dev.lapse.agent.track.Step;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON report, one JVM's or a merge, back into the typed model: what the merge and the shared report
 * directory read. The names it reads are the ones {@link JsonReportWriter} writes. Forgiving where a report may
 * lack a member (a missing counter is 0, a missing text {@code null}), strict where a value has a closed set (a
 * signal, a relation, a role, a kind of fix) or is what the report is about (a group's signature).
 */
public final class JsonReportReader {
    private JsonReportReader() {}

    /**
     * Reads a report file.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when it is not JSON, or not a report this Lapse reads (see {@link
     *     #read(JsonValue)})
     */
    public static Report read(Path file) throws IOException {
        return read(JsonValue.parse(Files.readString(file, StandardCharsets.UTF_8)));
    }

    /**
     * @throws IllegalArgumentException when {@code doc} is not a Lapse report of schema {@value Report#SCHEMA}, or
     *     names a signal, relation or time this Lapse does not read
     */
    public static Report read(JsonValue doc) {
        if (!doc.isObject() || doc.get("schema").isNull() || !doc.has("findings")) {
            throw new IllegalArgumentException("not a Lapse report (no schema and findings)");
        }
        long schema = doc.get("schema").number();
        if (schema != Report.SCHEMA) {
            throw new IllegalArgumentException(
                    "report schema " + schema + ", this Lapse reads schema " + Report.SCHEMA);
        }
        List<Group> groups = new ArrayList<>();
        for (JsonValue g : doc.get("findings").list()) {
            groups.add(group(g));
        }
        List<String> notes = new ArrayList<>();
        for (JsonValue note : doc.get("notes").list()) {
            notes.add(note.string());
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : doc.get("options").members().entrySet()) {
            options.put(e.getKey(), e.getValue().string());
        }
        JsonValue gc = doc.get("jvm.gc");
        return new Report(
                doc.get("lapse").string(),
                time(doc.get("generated")),
                origin(doc),
                new Gc(
                        bool(gc.get("forced"), true),
                        bool(gc.get("fullGcHappened"), true),
                        bool(gc.get("explicitGcDisabled"), false)),
                options,
                groups,
                notes,
                stats(doc.get("stats")));
    }

    /** A merge lists the reports it merged; one JVM's report describes the JVM. */
    private static Origin origin(JsonValue doc) {
        if (doc.has("sources")) {
            List<Source> sources = new ArrayList<>();
            for (JsonValue s : doc.get("sources").list()) {
                sources.add(new Source(
                        s.get("file").string(),
                        s.get("pid").string(),
                        s.get("main").string(),
                        s.get("javaVersion").string(),
                        s.get("generated").string(),
                        s.get("findings").number(0)));
            }
            return new Merge(sources);
        }
        JsonValue jvm = doc.get("jvm");
        return new Jvm(
                jvm.get("version").string(),
                jvm.get("vendor").string(),
                jvm.get("vm").string(),
                jvm.get("pid").string(),
                jvm.get("main").string(),
                jvm.get("started").string(),
                jvm.get("mode").string(),
                jvm.get("uptimeMillis").string());
    }

    private static ReportStats stats(JsonValue s) {
        return new ReportStats(
                s.get("registrationsSeen").number(0),
                s.get("tracked").number(0),
                s.get("dropped").number(0),
                s.get("removed").number(0),
                s.get("endOfLifeSignals").number(0),
                s.get("endedCollected").number(0),
                s.get("candidates").number(0),
                s.get("awaitingFullGc").number(0),
                s.get("notHeld").number(0),
                s.get("undecided").number(0),
                s.get("unjudged").number(0),
                s.get("findings").number(0),
                s.get("suppressed").number(0),
                s.get("groups").number(0),
                s.get("hookErrors").number(0),
                s.get("instrumentedMethods").number(0),
                s.get("transformErrors").number(0),
                s.get("walkVisited").number(0),
                s.get("checkMillis").number(0));
    }

    private static Group group(JsonValue g) {
        String signature = g.get("signature").string();
        if (signature == null) {
            throw new IllegalArgumentException("a finding group without a signature");
        }
        try {
            return new Group(
                    signature,
                    g.get("count").number(0),
                    time(g.get("firstSeen")),
                    time(g.get("lastSeen")),
                    g.get("summary").string(),
                    g.get("retained.bytes").number(0),
                    new Subject(g.get("subject.class").string(), bool(g.get("subject.static"), false)),
                    new Listener(
                            g.get("listener.class").string(),
                            g.get("listener.display").string()),
                    new Owner(
                            g.get("owner.class").string(),
                            OwnerRelation.named(g.get("owner.relation").string()),
                            g.get("owner.explanation").string()),
                    registration(g.get("registration")),
                    endOfLife(g),
                    chain(g.get("chain")),
                    bool(g.get("chainTraced"), false),
                    new Fix(
                            Fix.Kind.named(g.get("recommendation.kind").string()),
                            g.get("recommendation.summary").string(),
                            g.get("recommendation.where").string(),
                            g.get("recommendation.code").string()),
                    g.get("reports").number(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the finding group " + signature + ": " + e.getMessage(), e);
        }
    }

    private static Registration registration(JsonValue r) {
        JsonValue h = r.get("handle");
        return new Registration(
                r.get("method").string(),
                r.get("removeMethod").string(),
                r.get("thread").string(),
                h.isNull()
                        ? null
                        : new Handle(
                                h.get("type").string(),
                                h.get("close").string(),
                                bool(h.get("dropped"), false),
                                h.get("field").string()),
                frames(r.get("site")),
                paths(r.get("paths")));
    }

    /** {@code registration.paths}, absent from reports written before it existed. */
    private static List<List<Frame>> paths(JsonValue paths) {
        if (paths.isNull()) {
            return List.of();
        }
        List<List<Frame>> read = new ArrayList<>();
        for (JsonValue path : paths.list()) {
            read.add(frames(path));
        }
        return read;
    }

    /** The group's end of life, whose signal is the group's. */
    private static EndOfLife endOfLife(JsonValue g) {
        Signal signal = Signal.named(g.get("signal").string());
        JsonValue end = g.get("endOfLife");
        String told = end.get("signal").string();
        if (told != null && Signal.named(told) != signal) {
            throw new IllegalArgumentException("signal " + signal.wireName() + " but an end of life of signal " + told);
        }
        JsonValue at = end.get("at");
        return new EndOfLife(
                signal,
                end.get("method").string(),
                end.get("reason").string(),
                end.get("description").string(),
                time(end.get("time")),
                at.isNull() ? null : frame(at),
                frames(end.get("site")));
    }

    private static List<ChainStep> chain(JsonValue chain) {
        List<ChainStep> steps = new ArrayList<>();
        for (JsonValue s : chain.list()) {
            steps.add(new ChainStep(
                    new Step(
                            s.get("from").string(),
                            s.get("field").string(),
                            s.get("to").string()),
                    ChainStep.Role.named(s.get("role").string())));
        }
        return steps;
    }

    private static List<Frame> frames(JsonValue frames) {
        List<Frame> out = new ArrayList<>();
        for (JsonValue f : frames.list()) {
            out.add(frame(f));
        }
        return out;
    }

    private static Frame frame(JsonValue f) {
        return new Frame(
                f.get("class").string("?"),
                f.get("method").string("?"),
                f.get("file").string(),
                (int) f.get("line").number(-1));
    }

    private static boolean bool(JsonValue v, boolean fallback) {
        return v.isNull() ? fallback : v.bool();
    }

    private static Instant time(JsonValue v) {
        String iso = v.string();
        if (iso == null) {
            return null;
        }
        try {
            return Instant.parse(iso);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + iso + "' is not a time such as 2026-01-31T12:00:00Z");
        }
    }
}
