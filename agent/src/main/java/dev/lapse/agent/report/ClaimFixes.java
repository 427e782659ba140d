package dev.lapse.agent.report;

import dev.lapse.agent.confirm.Finding;
import dev.lapse.agent.report.model.Fix;
import java.util.ArrayList;
import java.util.List;

/**
 * The fix for an undo the check verified and found wanting ({@code ineffective-removal} with the structure that
 * still holds the listener): a remove call that left it in a second structure, or a handle's closing method that
 * left it subscribed. The owner did undo its registration; the code that must change is the subject's.
 */
final class ClaimFixes {
    private ClaimFixes() {}

    /**
     * A removal that returned and left the listener in a second structure of the subject (a copy made at start, an
     * inner manager the add wrapped it for): the structure, by its fields, is what must let go, and the remove method
     * that left it there is the one to fix. A handle's closing method that left it is told as such.
     */
    static Fix left(Finding f, String owner, String[] place, String where) {
        String method = f.end().method() == null ? "?#?" : f.end().method();
        if (undoneByHandle(f, method)) {
            // the owner did close its handle; the handle must let go
            String close = Names.source(f.api().handleType()) + "." + f.api().handleClose() + "()";
            return undoLeft(
                    f,
                    owner,
                    place,
                    where,
                    Fix.Kind.CLOSE_HANDLE,
                    close,
                    "The handle's " + close,
                    close + " must let go of it there",
                    "one subscription for its whole life instead of disposing it");
        }
        String remove =
                Names.source(method.substring(0, Math.max(0, method.indexOf('#')))) + "." + Names.methodOf(method);
        return undoLeft(
                f,
                owner,
                place,
                where,
                Fix.Kind.REMOVE_CALL,
                remove + "(…)",
                "The removal " + remove + "(…)",
                remove + " must take it out of there",
                "one listener for its whole life instead of removing it");
    }

    /**
     * An undo ({@code undo}: the remove call, or the handle's closing method) that returned and left the listener in
     * the structure the finding's reason names: that undo must change, and the owner, until it does, keeps what it
     * registered for its whole life ({@code keep}).
     *
     * @param told  the undo as the summary tells it
     * @param must  the undo and what it must do with the listener there too
     */
    private static Fix undoLeft(
            Finding f,
            String owner,
            String[] place,
            String where,
            Fix.Kind kind,
            String undo,
            String told,
            String must,
            String keep) {
        String subject = Names.source(f.subjectClass());
        String structure = f.end().reason();
        List<String> code = new ArrayList<>();
        code.add("// " + undo + " returned, yet " + subject + " still holds the listener in:");
        code.add("//   " + structure);
        code.add("// " + must + " too (a library's: upgrade to a version that does, or report it);");
        code.add("// until then, " + owner + " can keep " + keep + ".");
        return new Fix(
                kind,
                told + " in " + Fixes.method(place[0], place[1]) + " left the listener in " + structure
                        + ", which keeps " + owner + " reachable from " + subject + ".",
                where,
                String.join("\n", code));
    }

    /** Whether the undo that left the listener was the registration's handle's closing method, not a remove call. */
    private static boolean undoneByHandle(Finding f, String method) {
        String close = f.api().handleClose();
        return close != null
                && close.equals(Names.methodOf(method))
                && !close.equals(f.api().removeName());
    }
}
