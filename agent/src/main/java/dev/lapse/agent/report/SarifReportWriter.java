package dev.lapse.agent.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The report for code-scanning UIs: SARIF 2.1.0 with one result per group, located at the application frame that
 * made the registration, so the UI annotates the line that registered the listener. Each signal is a rule with
 * help text. Locations are package paths ({@code com/acme/View.java}) relative to the base {@code SRCROOT}, the
 * source root of the module the class is in ({@code src/main/java} in a Maven project); stack frames name the file
 * and the package but not the module.
 */
public final class SarifReportWriter {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final String SRCROOT = "SRCROOT";

    private SarifReportWriter() {}

    public static String write(JsonValue doc) {
        List<JsonValue> groups = doc.get("findings").list();
        List<String> signals = new ArrayList<>();
        for (JsonValue g : groups) {
            String signal = g.get("signal").string("?");
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
                .field("version", doc.get("lapse").string("0"))
                .field("fullName", "Lapse, a finder of lapsed listeners");
        j.name("rules").beginArray();
        for (String signal : signals) {
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
        for (JsonValue note : doc.get("notes").list()) {
            j.beginObject()
                    .name("message")
                    .beginObject()
                    .field("text", note.string())
                    .endObject()
                    .field("level", "note")
                    .endObject();
        }
        j.endArray().endObject().endArray();
        j.name("results").beginArray();
        for (JsonValue g : groups) {
            result(j, g, signals.indexOf(g.get("signal").string("?")));
        }
        j.endArray();
        j.name("properties")
                .beginObject()
                .field("summary", TextReportWriter.summary(doc))
                .endObject();
        return j.endObject().endArray().endObject().toString();
    }

    private static void rule(Json j, String signal) {
        Rule r = Rule.of(signal);
        j.beginObject()
                .field("id", "lapse/" + signal)
                .field("name", r.name)
                .name("shortDescription")
                .beginObject()
                .field("text", r.title)
                .endObject()
                .name("fullDescription")
                .beginObject()
                .field("text", r.description)
                .endObject()
                .name("help")
                .beginObject()
                .field("text", r.help)
                .field("markdown", r.help)
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

    private static void result(Json j, JsonValue g, int ruleIndex) {
        String signal = g.get("signal").string("?");
        j.beginObject()
                .field("ruleId", "lapse/" + signal)
                .field("ruleIndex", ruleIndex)
                .field("level", "warning");
        j.name("message")
                .beginObject()
                .field(
                        "text",
                        g.get("summary").string("") + ". "
                                + g.get("count").number(0) + " registration(s) from this site, about "
                                + Names.bytes(g.get("retained.bytes").number(0)) + " kept alive. Fix: "
                                + g.get("recommendation.summary").string(""))
                .endObject();
        List<JsonValue> site = g.get("registration.site").list();
        j.name("locations").beginArray();
        if (!site.isEmpty()) {
            location(j, site.get(0), null);
        }
        j.endArray();
        JsonValue end = g.get("endOfLife.at");
        j.name("relatedLocations").beginArray();
        if (!end.isNull()) {
            location(
                    j,
                    end,
                    (signal.equals("partial-detachment")
                                    ? "The owner took other listeners off here: "
                                    : signal.equals("ineffective-removal")
                                            ? "The removal that removed nothing: "
                                            : "The owner's life ended here: ")
                            + g.get("endOfLife.description").string(""));
        }
        j.endArray();
        j.name("partialFingerprints")
                .beginObject()
                .field("lapseSignature/v1", g.get("signature").string(""))
                .endObject();
        j.name("properties")
                .beginObject()
                .field("count", g.get("count").number(0))
                .field("retainedBytes", g.get("retained.bytes").number(0))
                .field("subject", g.get("subject.class").string())
                .field("listener", g.get("listener.class").string())
                .field("owner", g.get("owner.class").string())
                .field("fix", g.get("recommendation.code").string())
                .endObject();
        j.endObject();
    }

    private static void location(Json j, JsonValue frame, String message) {
        String className = frame.get("class").string("?");
        String file = frame.get("file").string();
        long line = frame.get("line").number(-1);
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
                .field(
                        "fullyQualifiedName",
                        className + "." + frame.get("method").string("?"))
                .field("kind", "function")
                .endObject()
                .endArray();
        j.endObject();
    }

    /** The words for one signal's rule. */
    private static final class Rule {
        final String name;
        final String title;
        final String description;
        final String help;

        private Rule(String name, String title, String description, String help) {
            this.name = name;
            this.title = title;
            this.description = description;
            this.help = help;
        }

        static Rule of(String signal) {
            switch (signal) {
                case "lifecycle-end":
                    return new Rule(
                            "LapsedListenerAfterLifecycleEnd",
                            "A listener keeps its owner alive after the owner was closed or disposed",
                            "The owner's lifecycle method (close, dispose, stop, ...) returned, a full garbage"
                                    + " collection ran, and the owner is still reachable through a listener it"
                                    + " registered on a longer-lived subject.",
                            HELP_COMMON);
                case "explicit":
                    return new Rule(
                            "LapsedListenerAfterExpectCollected",
                            "A listener keeps alive an object declared collectable",
                            "Lapse.expectCollected(owner) was called, a full garbage collection ran, and the owner"
                                    + " is still reachable through a listener it registered on a longer-lived"
                                    + " subject.",
                            HELP_COMMON);
                case "accumulation":
                    return new Rule(
                            "ListenerAccumulation",
                            "One call site keeps adding listeners to one subject",
                            "Listeners from one call site pile up on one subject: many are registered and still"
                                    + " held, they kept coming over the accumulation window, and none was removed.",
                            "Register once (in a constructor or start method), or undo the previous registration"
                                    + " before adding the next. The Lapse report shows the count, how fast it grows"
                                    + " and the code to change.");
                case "partial-detachment":
                    return new Rule(
                            "PartialDetachment",
                            "An owner took some of its listeners off a subject and left others",
                            "The owner removed listeners from a subject (or from the subjects it registered on from"
                                    + " one call site) in one go, as a teardown does, and left at least one there;"
                                    + " a full garbage collection ran and the subject still holds it.",
                            "Add the missing remove call next to the removals the owner already makes. The Lapse"
                                    + " report names the method and shows the call.");
                case "detached-subject":
                    return new Rule(
                            "DetachedSubject",
                            "An owner let go of a subject that still holds its listener",
                            "The owner registered on an object it held in a field (a parent on its child, a"
                                    + " panel on the model it shows), then replaced or cleared that field without"
                                    + " taking its listener off; the object lives on elsewhere and keeps the owner"
                                    + " reachable.",
                            "Take the listener off the old object where the owner replaces or clears the field."
                                    + " The Lapse report names the field and shows the call.");
                case "lost-listener":
                    return new Rule(
                            "LostListener",
                            "A weak listener's callback was collected while its owner lives on",
                            "A listener was registered through a weak wrapper, nothing but the wrapper held it, and"
                                    + " a garbage collection took it while the object it belonged to is alive and"
                                    + " was never ended: its callback silently stopped.",
                            "Keep a strong reference to the listener in a field of its owner, and register the"
                                    + " weak wrapper around that field: the listener then lives exactly as long as"
                                    + " its owner. The Lapse report shows the code to add.");
                default:
                    return new Rule(
                            "LapsedListener",
                            "A lapsed listener (" + signal + ")",
                            "A listener registration keeps an object alive that should be collectable (" + signal
                                    + ").",
                            HELP_COMMON);
            }
        }

        private static final String HELP_COMMON = "A registration made here was never undone, so the subject"
                + " keeps the listener, and through it the owner, reachable. Undo it where the owner's life ends:"
                + " call the matching remove method in the owner's close/dispose method. Where no remove exists,"
                + " register a weak wrapper and keep a strong reference to the listener in the owner, so that the"
                + " listener lives exactly as long as the owner. The Lapse report shows the chain of fields that"
                + " holds the owner and the code to add.";
    }
}
