package dev.lapse.agent.report;

import dev.lapse.agent.confirm.Finding;
import dev.lapse.agent.track.EndOfLife;
import java.util.List;

/** The finding told in words: who the owner is, how the listener holds it, and why it should be dead. */
final class Story {
    private Story() {}

    /** {@code anonymous View$1 captured this$0 = View, disposed at Main.java:30}. */
    static String owner(Finding f) {
        StackTraceElement site = Names.topApplicationFrame(f.site);
        String listener = Names.listener(f.listenerClass, site);
        String owner = Names.source(f.ownerClass);
        String how;
        switch (f.relation) {
            case "weak-delegate":
                how = Names.listener(f.listenerClass, site) + " held "
                        + (f.end.reason() == null
                                ? "the delegate " + owner + " registered it with"
                                : Names.listener(f.end.reason(), site) + " of " + owner)
                        + " only weakly";
                break;
            case "self":
                how = owner + " registered itself";
                break;
            default:
                List<String> fields = new java.util.ArrayList<>();
                int listenerStep = f.listenerStep();
                for (int i = listenerStep < 0 ? f.chain.size() : listenerStep + 1; i < f.chain.size(); i++) {
                    fields.add(f.chain.get(i).field);
                }
                how = listener + " captured " + (fields.isEmpty() ? "" : String.join(".", fields) + " = ") + owner;
        }
        return how + ", " + end(f) + (EndOfLife.LOST_LISTENER.equals(f.end.signal()) ? "" : handle(f));
    }

    /**
     * For an add that returned a handle: {@code ; the Disposable that subscribe(…) returned was dropped, so nothing
     * can undo the registration}, or where it is kept and that its {@code dispose()} was never called; else empty.
     */
    static String handle(Finding f) {
        if (f.api.handleClose() == null) {
            return "";
        }
        String handle = "; the " + Names.source(f.api.handleType()) + " that " + f.api.name() + "(…) returned ";
        if (f.handleDropped) {
            return handle + "was dropped, so nothing can undo the registration";
        }
        return handle
                + (f.handleField == null
                        ? "was not kept in a field of " + Names.source(f.ownerClass)
                        : "(" + f.handleField + ")")
                + " and its " + f.api.handleClose() + "() was never called";
    }

    /** {@code disposed at Main.java:30}, or {@code declared collectable (tab closed) at TabTest.java:12}. */
    static String end(Finding f) {
        EndOfLife end = f.end;
        if (EndOfLife.SCOPE_END.equals(end.signal())) {
            return "left behind by " + end.reason();
        }
        if (EndOfLife.ACCUMULATION.equals(end.signal())) {
            return "one of " + end.reason();
        }
        if (EndOfLife.DETACHED_SUBJECT.equals(end.signal())) {
            String detached = "still registered on the " + Names.source(f.subjectClass) + " it no longer holds (it"
                    + " was in " + Names.source(f.ownerClass) + "." + end.reason() + " when it registered)";
            if (end.method() == null) {
                return detached;
            }
            StackTraceElement at = endFrame(f);
            return detached + ", " + Names.pastTense(Names.methodOf(end.method()))
                    + (at == null ? "" : " at " + Names.location(at));
        }
        if (EndOfLife.LOST_LISTENER.equals(end.signal())) {
            return end.reason() == null
                    ? "which was collected before the registration returned: nothing else ever"
                            + " held it, so the callback never ran"
                    : "which was collected while " + Names.source(f.ownerClass) + " lives on with no end of life:"
                            + " the callback silently stopped";
        }
        StackTraceElement at = endFrame(f);
        String where = at == null ? "" : " at " + Names.location(at);
        if (EndOfLife.EXPLICIT.equals(end.signal())) {
            String reason = end.reason() == null || end.reason().isEmpty() ? "" : " (" + end.reason() + ")";
            return "declared collectable" + reason + where;
        }
        String method = end.method() == null ? "?" : Names.methodOf(end.method());
        if (EndOfLife.INEFFECTIVE_REMOVAL.equals(end.signal())) {
            return "called " + method + "(…)" + where + " with another instance of the listener, which removed"
                    + " nothing";
        }
        if (EndOfLife.PARTIAL_DETACHMENT.equals(end.signal())) {
            return "left registered when it took another listener off with " + method + "(…)" + where;
        }
        return Names.pastTense(method) + where;
    }

    /**
     * Where the end happened: the caller of the lifecycle method (the first application frame after it), or
     * the lifecycle method itself when nothing else is known.
     */
    static StackTraceElement endFrame(Finding f) {
        List<StackTraceElement> frames = f.end.site().frames();
        if (EndOfLife.SCOPE_END.equals(f.end.signal())
                || EndOfLife.LOST_LISTENER.equals(f.end.signal())
                || EndOfLife.ACCUMULATION.equals(f.end.signal())
                || (EndOfLife.DETACHED_SUBJECT.equals(f.end.signal()) && f.end.method() == null)) {
            // the scope ended in the test framework; a delegate was collected, a field overwritten, by no one's call
            return null;
        }
        if (EndOfLife.EXPLICIT.equals(f.end.signal())) {
            return Names.topApplicationFrame(frames);
        }
        List<StackTraceElement> app =
                Names.applicationFrames(frames.size() > 1 ? frames.subList(1, frames.size()) : frames);
        return app.isEmpty() ? (frames.isEmpty() ? null : frames.get(0)) : app.get(0);
    }

    /** {@code com.acme.View is kept alive by com.acme.Model after View#dispose}. */
    static String headline(Finding f) {
        if (EndOfLife.ACCUMULATION.equals(f.end.signal())) {
            StackTraceElement site = Names.topApplicationFrame(f.site);
            return "Listeners pile up on " + Names.source(f.subjectClass) + (f.staticSubject ? " (static)" : "")
                    + ": " + f.count + " added by " + (site == null ? "one call site" : Names.frame(site))
                    + " are still held, none removed";
        }
        if (EndOfLife.LOST_LISTENER.equals(f.end.signal())) {
            return Names.source(f.ownerClass) + " lost its listener on " + Names.source(f.subjectClass)
                    + (f.staticSubject ? " (static)" : "") + ": the weak wrapper's delegate was collected "
                    + (f.end.reason() == null
                            ? "before the registration returned"
                            : "while " + Names.source(f.ownerClass) + " lives on");
        }
        String keptBy = Names.source(f.ownerClass) + " is kept alive by " + Names.source(f.subjectClass)
                + (f.staticSubject ? " (static)" : "");
        if (EndOfLife.PARTIAL_DETACHMENT.equals(f.end.signal())) {
            StackTraceElement at = endFrame(f);
            return keptBy + ": it took listeners off with " + Names.methodOf(f.end.method()) + "(…)"
                    + (at == null ? "" : " at " + Names.location(at)) + " and left this one";
        }
        if (EndOfLife.DETACHED_SUBJECT.equals(f.end.signal())) {
            return keptBy + ", which it no longer holds (it was in " + Names.source(f.ownerClass) + "." + f.end.reason()
                    + "), through the listener it registered on it";
        }
        return keptBy + " after it was " + end(f);
    }
}
