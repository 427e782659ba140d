package dev.lapse.agent.report;

import dev.lapse.agent.confirm.Finding;
import dev.lapse.agent.report.model.Fix;

/**
 * What a fix adds when its code cannot stand as the application's own: a subject that no field holds (the name the code
 * uses is said to stand for it), and a registration that a library made inside its own code ({@link Names#libraryCall}),
 * where the application cannot add the missing undo: the fix then says whose method should have undone it, that
 * upgrading the library or reporting it is the fix, and what the application can do until then, and its code is marked
 * as the library's missing code.
 */
final class FixNotes {
    private FixNotes() {}

    /**
     * A remove call whose subject no field of the owner, nor a static field, holds: the name it uses stands for the
     * subject the listener was registered on, which the owner must keep to undo it.
     */
    static Fix unheld(Fix fix, Finding f, String owner, String subject) {
        String subjectClass = Names.source(f.subjectClass());
        return new Fix(
                fix.kind(),
                fix.summary() + " No field of " + owner + " nor a static field holds the " + subjectClass
                        + ": keep it in one, as " + subject + ".",
                fix.where(),
                "// " + subject + ": the " + subjectClass + " the listener was registered on; keep it in a field of "
                        + owner + "\n" + fix.code());
    }

    /**
     * @param site   the registering frame, in the library
     * @param call   the application's call into the library
     * @param undoer the library's method (or class) that should have undone the registration, in words
     * @param when   the same, with when it should have, for the summary
     * @param until  what the application can do until the library is fixed, a sentence
     */
    static Fix inLibrary(
            Fix fix,
            String owner,
            StackTraceElement site,
            StackTraceElement call,
            String undoer,
            String when,
            String until) {
        return new Fix(
                fix.kind(),
                owner + " is left registered by library code: "
                        + Fixes.method(site.getClassName(), site.getMethodName())
                        + " registers it (" + Names.location(site) + "), called from "
                        + Fixes.method(call.getClassName(), call.getMethodName()) + " at " + Names.location(call)
                        + ", and " + when + " should undo it. Upgrade to a version of the library that does, or"
                        + " report it; until then, " + until,
                fix.where(),
                "// library code: what " + undoer + " is missing (upgrade to a version that has it, or report it)\n"
                        + fix.code());
    }
}
