package dev.lapse.agent.report;

import dev.lapse.agent.report.model.Frame;
import dev.lapse.agent.report.model.Group;
import dev.lapse.agent.report.model.Report;
import dev.lapse.agent.track.Signal;
import java.util.ArrayList;
import java.util.List;

/**
 * The report for code-scanning UIs: SARIF 2.1.0 with one result per group, located at the application frame that
 * made the registration, so the UI annotates the line that registered the listener. Each signal is a rule with
 * help text. Locations are package paths ({@code com/acme/View.java}) relative to the base {@code SRCROOT}, the
 * source root of the module the class is in ({@code src/main/java} in a Maven project); stack frames name the file
 * and the package but not the module.
 */
final class SarifReportWriter implements ReportWriter {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final String SRCROOT = "SRCROOT";

    @Override
    public String write(Report r) {
        List<Group> groups = r.groups();
        List<Signal> signals = new ArrayList<>();
        for (Group g : groups) {
            Signal signal = g.signal();
            if (!signals.contains(signal)) {
                signals.add(signal);
            }
        }
        Json j = new Json().beginObject().field("$schema", SCHEMA).field("version", "2.1.0");
        j.name("runs").beginArray().beginObject();
        j.name("tool")
                .beginObject()
                .name("driver")
                .beginObject()
                .field("name", "Lapse")
                .field("version", r.lapse() == null ? "0" : r.lapse())
                .field("fullName", "Lapse, a finder of lapsed listeners");
        j.name("rules").beginArray();
        for (Signal signal : signals) {
            rule(j, signal);
        }
        j.endArray().endObject().endObject();
        j.name("originalUriBaseIds")
                .beginObject()
                .name(SRCROOT)
                .beginObject()
                .name("description")
                .beginObject()
                .field(
                        "text",
                        "The source root of the module a class is in, such as src/main/java;"
                                + " locations are package paths below it.")
                .endObject()
                .endObject()
                .endObject();
        j.name("invocations").beginArray().beginObject().field("executionSuccessful", true);
        j.name("toolExecutionNotifications").beginArray();
        for (String note : r.notes()) {
            j.beginObject()
                    .name("message")
                    .beginObject()
                    .field("text", note)
                    .endObject()
                    .field("level", "note")
                    .endObject();
        }
        j.endArray().endObject().endArray();
        j.name("results").beginArray();
        for (Group g : groups) {
            result(j, g, signals.indexOf(g.signal()));
        }
        j.endArray();
        j.name("properties")
                .beginObject()
                .field("summary", TextReportWriter.summary(r))
                .endObject();
        return j.endObject().endArray().endObject().toString();
    }

    private static void rule(Json j, Signal signal) {
        String help = help(signal);
        j.beginObject()
                .field("id", "lapse/" + signal.wireName())
                .field("name", ruleName(signal))
                .name("shortDescription")
                .beginObject()
                .field("text", signal.title())
                .endObject()
                .name("fullDescription")
                .beginObject()
                .field("text", signal.description())
                .endObject()
                .name("help")
                .beginObject()
                .field("text", help)
                .field("markdown", help)
                .endObject()
                .name("defaultConfiguration")
                .beginObject()
                .field("level", "warning")
                .endObject()
                .name("properties")
                .beginObject()
                .name("tags")
                .beginArray()
                .value("memory-leak")
                .value("listener")
                .endArray()
                .endObject()
                .endObject();
    }

    private static void result(Json j, Group g, int ruleIndex) {
        Signal signal = g.signal();
        j.beginObject()
                .field("ruleId", "lapse/" + signal.wireName())
                .field("ruleIndex", ruleIndex)
                .field("level", "warning");
        j.name("message")
                .beginObject()
                .field(
                        "text",
                        or(g.summary()) + ". "
                                + g.count() + " registration(s) from this site, about "
                                + Names.bytes(g.retainedBytes()) + " kept alive. Fix: "
                                + or(g.fix().summary()))
                .endObject();
        List<Frame> site = g.registration().site();
        j.name("locations").beginArray();
        if (!site.isEmpty()) {
            location(j, site.get(0), null);
        }
        j.endArray();
        Frame end = g.endOfLife().at();
        j.name("relatedLocations").beginArray();
        if (end != null) {
            location(j, end, endHere(signal) + or(g.endOfLife().description()));
        }
        j.endArray();
        j.name("partialFingerprints")
                .beginObject()
                .field("lapseSignature/v1", or(g.signature()))
                .endObject();
        j.name("properties")
                .beginObject()
                .field("count", g.count())
                .field("retainedBytes", g.retainedBytes())
                .field("subject", g.subject().className())
                .field("listener", g.listener().className())
                .field("owner", g.owner().className())
                .field("fix", g.fix().code())
                .endObject();
        j.endObject();
    }

    /** Text that may be missing in a report read back, as the empty string. */
    private static String or(String s) {
        return s == null ? "" : s;
    }

    private static void location(Json j, Frame frame, String message) {
        String className = frame.className();
        String file = frame.file();
        long line = frame.line();
        j.beginObject();
        if (message != null) {
            j.field("id", 1)
                    .name("message")
                    .beginObject()
                    .field("text", message)
                    .endObject();
        }
        if (file != null) {
            int dot = className.lastIndexOf('.');
            String path = (dot < 0 ? "" : className.substring(0, dot).replace('.', '/') + "/") + file;
            j.name("physicalLocation")
                    .beginObject()
                    .name("artifactLocation")
                    .beginObject()
                    .field("uri", path)
                    .field("uriBaseId", SRCROOT)
                    .endObject();
            if (line > 0) {
                j.name("region").beginObject().field("startLine", line).endObject();
            }
            j.endObject();
        }
        j.name("logicalLocations")
                .beginArray()
                .beginObject()
                .field("fullyQualifiedName", className + "." + frame.method())
                .field("kind", "function")
                .endObject()
                .endArray();
        j.endObject();
    }

    /** What the related location at the end of life is, before its description. */
    private static String endHere(Signal signal) {
        return switch (signal) {
            case PARTIAL_DETACHMENT -> "The owner took other listeners off here: ";
            case INEFFECTIVE_REMOVAL -> "The removal that removed nothing: ";
            case LIFECYCLE_END, EXPLICIT, SCOPE_END, LOST_LISTENER, ACCUMULATION, DETACHED_SUBJECT ->
                "The owner's life" + " ended here: ";
        };
    }

    /** The rule's name, a SARIF identifier in words. */
    private static String ruleName(Signal signal) {
        return switch (signal) {
            case LIFECYCLE_END -> "LapsedListenerAfterLifecycleEnd";
            case EXPLICIT -> "LapsedListenerAfterExpectCollected";
            case SCOPE_END -> "LapsedListenerAfterScopeEnd";
            case INEFFECTIVE_REMOVAL -> "IneffectiveRemoval";
            case ACCUMULATION -> "ListenerAccumulation";
            case PARTIAL_DETACHMENT -> "PartialDetachment";
            case DETACHED_SUBJECT -> "DetachedSubject";
            case LOST_LISTENER -> "LostListener";
        };
    }

    /** What to do about a result of the rule. */
    private static String help(Signal signal) {
        return switch (signal) {
            case LIFECYCLE_END, EXPLICIT, SCOPE_END, INEFFECTIVE_REMOVAL -> HELP_COMMON;
            case ACCUMULATION ->
                "Register once (in a constructor or start method), or undo the previous registration"
                        + " before adding the next. The Lapse report shows the count, how fast it grows and the code to"
                        + " change.";
            case PARTIAL_DETACHMENT ->
                "Add the missing remove call next to the removals the owner already makes. The"
                        + " Lapse report names the method and shows the call.";
            case DETACHED_SUBJECT ->
                "Take the listener off the old object where the owner replaces or clears the"
                        + " field. The Lapse report names the field and shows the call.";
            case LOST_LISTENER ->
                "Keep a strong reference to the listener in a field of its owner, and register the"
                        + " weak wrapper around that field: the listener then lives exactly as long as its owner. The"
                        + " Lapse report shows the code to add.";
        };
    }

    private static final String HELP_COMMON = "A registration made here was never undone, so the subject"
            + " keeps the listener, and through it the owner, reachable. Undo it where the owner's life ends:"
            + " call the matching remove method in the owner's close/dispose method. Where no remove exists,"
            + " register a weak wrapper and keep a strong reference to the listener in the owner, so that the"
            + " listener lives exactly as long as the owner. The Lapse report shows the chain of fields that"
            + " holds the owner and the code to add.";
}
