package dev.lapse.agent.report;

import dev.lapse.agent.report.model.Fix;

/**
 * A fix for a registration that a library made inside its own code ({@link Names#libraryCall}): the application
 * cannot add the missing undo there, so the fix says whose method should have undone it, that upgrading the library
 * or reporting it is the fix, and what the application can do until then. The code stays the library's missing code,
 * marked as such.
 */
final class LibraryFixes {
    private LibraryFixes() {}

    /**
     * @param site   the registering frame, in the library
     * @param call   the application's call into the library
     * @param undoer the library's method (or class) that should have undone the registration, in words
     * @param when   the same, with when it should have, for the summary
     */
    static Fix inLibrary(
            Fix fix, String owner, StackTraceElement site, StackTraceElement call, String undoer, String when) {
        return new Fix(
                fix.kind(),
                owner + " is left registered by library code: "
                        + Fixes.method(site.getClassName(), site.getMethodName())
                        + " registers it (" + Names.location(site) + "), called from "
                        + Fixes.method(call.getClassName(), call.getMethodName()) + " at " + Names.location(call)
                        + ", and " + when + " should undo it. Upgrade to a version of the library that does, or"
                        + " report it; until then, keep one " + owner + " for the application's life instead of"
                        + " ending it and making new ones.",
                fix.where(),
                "// library code: what " + undoer + " is missing (upgrade to a version that has it, or report it)\n"
                        + fix.code());
    }
}
