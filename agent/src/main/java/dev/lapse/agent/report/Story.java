package dev.lapse.agent.report;

import dev.lapse.agent.confirm.Finding;
import dev.lapse.agent.instrument.TaskApis;
import dev.lapse.agent.track.EndOfLife;
import dev.lapse.agent.track.Growth;
import dev.lapse.agent.track.OwnerRelation;
import dev.lapse.agent.track.Signal;
import java.util.ArrayList;
import java.util.List;

/**
 * The finding told in words: who the owner is, how the listener holds it, and why it should be dead. Every phrasing
 * of an end of life is here, one switch over the signal each, so that the formats tell an end the same way.
 */
final class Story {
    private Story() {}

    /** {@code anonymous View$1 captured this$0 = View, disposed at Main.java:30}. */
    static String owner(Finding f) {
        StackTraceElement site = Names.topApplicationFrame(f.site());
        String listener = Names.listener(f.listenerClass(), site);
        String owner = Names.source(f.ownerClass());
        String how = switch (f.relation()) {
            case WEAK_DELEGATE ->
                listener + " held "
                        + (f.end().reason() == null
                                ? "the delegate " + owner + " registered it with"
                                : Names.listener(f.end().reason(), site) + " of " + owner)
                        + " only weakly";
            case WEAKLY_HELD -> Names.source(f.subjectClass()) + " held " + listener + " of " + owner + " only weakly";
            case SELF -> owner + " registered itself";
            case ENCLOSING_INSTANCE, CAPTURED -> {
                String fields = fieldsToOwner(f);
                yield listener + " captured " + (fields.isEmpty() ? "" : fields + " = ") + owner;
            }
            case REGISTERED_BY -> {
                String fields = fieldsToOwner(f);
                yield owner + " registered " + listener + ", which holds it"
                        + (fields.isEmpty() ? "" : " through " + fields);
            }
        };
        // a lost listener's handle is beside the point: the callback stopped, nothing is kept alive; an ineffective
        // removal's end is the handle's undo, which was called
        return how + ", " + end(f)
                + (f.end().signal() == Signal.LOST_LISTENER || f.end().signal() == Signal.INEFFECTIVE_REMOVAL
                        ? ""
                        : handle(f));
    }

    /** The fields from the listener to the owner along the chain ({@code h.target}), joined by dots. */
    private static String fieldsToOwner(Finding f) {
        List<String> fields = new ArrayList<>();
        int listenerStep = f.listenerStep();
        for (int i = listenerStep < 0 ? f.chain().size() : listenerStep + 1;
                i < f.chain().size();
                i++) {
            fields.add(f.chain().get(i).field());
        }
        return String.join(".", fields);
    }

    /**
     * For an add that returned a handle: {@code ; the Disposable that subscribe(…) returned was dropped, so nothing
     * can undo the registration}, or where it is kept and that its {@code dispose()} was never called; else empty.
     */
    static String handle(Finding f) {
        if (f.api().handleClose() == null) {
            return "";
        }
        String handle = "; the " + Names.source(f.api().handleType())
                + (TaskApis.isTask(f.api()) && TaskApis.isTimer(f.api())
                        ? " given to " + f.api().name() + "(…) " // the task is its own handle
                        : " that " + f.api().name() + "(…) returned ");
        if (f.handleDropped()) {
            return handle + "was dropped, so nothing can undo the registration";
        }
        return handle
                + (f.handleField() == null
                        ? "was not kept in a field of " + Names.source(f.ownerClass())
                        : "(" + f.handleField() + ")")
                + " and its " + f.api().handleClose() + "() was never called";
    }

    /**
     * The end's reason in words: what {@code Lapse.expectCollected} or the scope was given, a field, a class name;
     * for an accumulation, its growth: {@code 40 live registrations from one call site over 2 min, 12 of them in the
     * last 30 s}.
     */
    static String reason(EndOfLife end) {
        Growth g = end.growth();
        if (g == null) {
            return end.reason();
        }
        return g.count() + " live registrations from one call site"
                + (g.spanMillis() >= 1000 ? " over " + minutesAndSeconds(g.spanMillis()) : "")
                + (g.windowMillis() > 0
                        ? ", " + g.recent() + " of them in the last " + minutesAndSeconds(g.windowMillis())
                        : "");
    }

    private static String minutesAndSeconds(long millis) {
        long seconds = Math.max(1, millis / 1000);
        return seconds < 60
                ? seconds + " s"
                : seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
    }

    /**
     * The end of life as the owner's state, the description every format shows beside the owner: {@code disposed at
     * Main.java:30}, or {@code declared collectable (tab closed) at TabTest.java:12}.
     */
    static String end(Finding f) {
        EndOfLife end = f.end();
        StackTraceElement at = endFrame(f);
        String where = at == null ? "" : " at " + Names.location(at);
        String method = end.method() == null ? "?" : Names.methodOf(end.method());
        return switch (end.signal()) {
            case SCOPE_END -> "left behind by " + end.reason();
            case ACCUMULATION -> "one of " + reason(end);
            case DETACHED_SUBJECT ->
                "still registered on the " + Names.source(f.subjectClass()) + " it no longer holds"
                        + " (it was in " + Names.source(f.ownerClass()) + "." + Names.heldField(end.reason())
                        + " when it registered)"
                        + (end.method() == null ? "" : ", " + Names.pastTense(method) + where);
            case LOST_LISTENER ->
                end.reason() == null
                        ? "which was collected before the registration returned: nothing else ever held it, so the"
                                + " callback never ran"
                        : "which was collected while " + Names.source(f.ownerClass()) + " lives on with no end of life:"
                                + " the callback silently stopped";
            case EXPLICIT ->
                "declared collectable"
                        + (end.reason() == null || end.reason().isEmpty() ? "" : " (" + end.reason() + ")")
                        + where;
            case INEFFECTIVE_REMOVAL ->
                end.reason() == null
                        ? "called " + method + "(…)" + where + " with another instance of the listener, which removed"
                                + " nothing"
                        // a removal the check verified: it matched, and the subject still holds the listener there
                        : "called " + method + "(…)" + where + ", which returned and left the listener in "
                                + end.reason();
            case PARTIAL_DETACHMENT ->
                "left registered when it took another listener off with " + method + "(…)" + where;
            case LIFECYCLE_END ->
                end.reason() == null
                        ? Names.pastTense(method) + where
                        // a binder's end is that of what it was bound to (CandidateEnds)
                        : "bound to " + Names.source(end.reason()) + ", which was " + Names.pastTense(method) + where;
        };
    }

    /**
     * The end of life as the event that happened, for the line that says when the owner ended: {@code View.dispose()
     * returned}, {@code Lapse.expectCollected("tab closed")}, or {@code test ViewTest.opens() ended}. Told from the
     * signal, method and reason alone, so a report read back from JSON says it as the JVM that wrote it would.
     */
    static String ended(Signal signal, String method, String reason) {
        return switch (signal) {
            case SCOPE_END -> (reason == null ? "the scope" : reason) + " ended";
            case ACCUMULATION -> "not needed: " + (reason == null ? "" : reason);
            case LOST_LISTENER ->
                reason == null
                        ? "not ended: the listener was collected before its registration returned"
                        : "not ended: the owner lives on, its listener was collected";
            case EXPLICIT -> "Lapse.expectCollected(" + (reason == null ? "" : '"' + reason + '"') + ")";
            case DETACHED_SUBJECT ->
                method == null
                        ? Names.heldAmong(reason)
                                ? "not ended: the owner no longer holds the subject among its "
                                        + Names.heldField(reason) + ", and the subject still holds the owner's listener"
                                : "not ended: the owner let go of its " + (reason == null ? "subject" : reason)
                                        + ", which still holds the owner's listener"
                        : returned(method);
            case PARTIAL_DETACHMENT -> "not ended, partly detached: " + returned(method);
            case LIFECYCLE_END, INEFFECTIVE_REMOVAL -> returned(method);
        };
    }

    /** {@code View.dispose() returned} for {@code com.acme.View#dispose}. */
    private static String returned(String method) {
        if (method == null) {
            return "?() returned";
        }
        int hash = method.indexOf('#');
        return (hash < 0 ? method : Names.source(method.substring(0, hash)) + "." + method.substring(hash + 1))
                + "() returned";
    }

    /**
     * Where the end happened: the caller of the lifecycle method (the first application frame after it), or the
     * lifecycle method itself when nothing else is known; {@code null} for an end by no one's call.
     */
    static StackTraceElement endFrame(Finding f) {
        if (!f.end().signal().hasCallSite() && f.end().method() == null) {
            // a scope ended in the test framework, a delegate was collected, listeners piled up, a field was
            // overwritten; a detached subject whose owner ended too keeps that end's call
            return null;
        }
        List<StackTraceElement> frames = f.end().site().frames();
        if (f.end().signal() == Signal.EXPLICIT) {
            return Names.topApplicationFrame(frames);
        }
        List<StackTraceElement> app =
                Names.applicationFrames(frames.size() > 1 ? frames.subList(1, frames.size()) : frames);
        return app.isEmpty() ? (frames.isEmpty() ? null : frames.get(0)) : app.get(0);
    }

    /** {@code com.acme.View is kept alive by com.acme.Model after View#dispose}. */
    static String headline(Finding f) {
        String subject = Names.source(f.subjectClass()) + (f.staticSubject() ? " (static)" : "");
        String owner = Names.source(f.ownerClass());
        String keptBy = owner + " is kept alive by " + subject;
        return switch (f.end().signal()) {
            case ACCUMULATION -> {
                StackTraceElement site = Names.topApplicationFrame(f.site());
                yield "Listeners pile up on " + subject + ": " + f.count() + " added by "
                        + (site == null ? "one call site" : Names.frame(site)) + " are still held, none removed";
            }
            case LOST_LISTENER ->
                f.relation() == OwnerRelation.WEAKLY_HELD
                        ? owner + " lost its callback on " + subject + ": " + subject
                                + " held it only weakly, and it was collected while still pending"
                        : owner + " lost its listener on " + subject
                                + ": the weak wrapper's delegate was collected "
                                + (f.end().reason() == null
                                        ? "before the registration returned"
                                        : "while " + owner + " lives on");
            case PARTIAL_DETACHMENT -> {
                StackTraceElement at = endFrame(f);
                yield keptBy + ": it took listeners off with "
                        + Names.methodOf(f.end().method()) + "(…)" + (at == null ? "" : " at " + Names.location(at))
                        + " and left this one";
            }
            case DETACHED_SUBJECT ->
                keptBy + ", which it no longer holds (it was in " + owner + "."
                        + Names.heldField(f.end().reason()) + "), through the listener it registered on it";
            case LIFECYCLE_END, EXPLICIT, SCOPE_END, INEFFECTIVE_REMOVAL -> keptBy + " after it was " + end(f);
        };
    }
}
