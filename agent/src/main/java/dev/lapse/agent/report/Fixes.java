package dev.lapse.agent.report;

import dev.lapse.agent.confirm.Finding;
import dev.lapse.agent.instrument.ApiMethod;
import dev.lapse.agent.instrument.JdkSingletons;
import dev.lapse.agent.instrument.TaskApis;
import dev.lapse.agent.report.model.Fix;
import dev.lapse.agent.track.OwnerRelation;
import dev.lapse.agent.track.Signal;
import java.util.ArrayList;
import java.util.List;

/**
 * The fix for one finding, as concrete code for its API and site: the remove call to add to the owner's
 * lifecycle method, or, for an API with no remove method, a weak wrapper together with a strong reference kept
 * in the owner (a weak wrapper alone lets a lambda be collected at once and the callback silently stops).
 */
final class Fixes {
    private Fixes() {}

    static Fix of(Finding f) {
        String owner = Names.source(f.ownerClass());
        boolean detached = f.end().signal() == Signal.DETACHED_SUBJECT;
        String singleton = JdkSingletons.subjectExpression(f.api());
        String subject = singleton != null
                ? singleton
                : f.staticSubject()
                        ? Names.source(f.subjectClass())
                        : f.subjectField() != null
                                ? f.subjectField()
                                : detached
                                                && f.end().reason() != null
                                                && !Names.heldAmong(f.end().reason())
                                        ? f.end().reason()
                                        : Names.variable(f.subjectClass());
        StackTraceElement site = Names.topApplicationFrame(f.site());
        String registeredAt = site == null ? "" : " at " + Names.location(site);
        String[] place = lifecyclePlace(f);
        String where = place[0] + "#" + place[1];
        if (f.end().signal() == Signal.INEFFECTIVE_REMOVAL && TaskApis.isTask(f.api())) {
            return TaskFixes.dropCancelled(f, owner, subject, method(place[0], place[1]), where);
        }
        if (f.end().signal() == Signal.INEFFECTIVE_REMOVAL && f.end().reason() != null) {
            return ClaimFixes.left(f, owner, place, where);
        }
        Fix fix = switch (f.end().signal()) {
            case LOST_LISTENER -> keepDelegate(f, owner, subject, registeredAt, where);
            case ACCUMULATION -> registerOnce(f, subject, registeredAt, where);
            case LIFECYCLE_END, EXPLICIT, SCOPE_END, INEFFECTIVE_REMOVAL, PARTIAL_DETACHMENT, DETACHED_SUBJECT ->
                undo(f, owner, subject, registeredAt, place, where);
        };
        if (fix.kind() == Fix.Kind.REMOVE_CALL
                && singleton == null
                && !f.staticSubject()
                && f.subjectField() == null
                && !detached) {
            // the remove call goes in the lifecycle method, where no parameter or local of the registering code is
            fix = FixNotes.unheld(fix, f, owner, subject);
        }
        StackTraceElement call = Names.libraryCall(f.site());
        if (call == null || site == null) {
            return fix;
        }
        return inLibrary(f, fix, owner, site, call, place, detached);
    }

    /**
     * A registration a library made inside its own code: the fix names the library's code that should have undone it
     * (upgrade or report), and what the application can do until then.
     */
    private static Fix inLibrary(
            Finding f,
            Fix fix,
            String owner,
            StackTraceElement site,
            StackTraceElement call,
            String[] place,
            boolean detached) {
        String undoer = owner;
        String when;
        String until = "keep one " + owner + " for the application's life instead of ending it and making new ones.";
        String reason = f.end().reason();
        if (bound(f)) {
            when = owner + ", when the " + Names.source(reason)
                    + " it was bound to closes (it has no close() of its own),";
        } else if (detached) {
            String subjectClass = Names.source(f.subjectClass());
            when = "the code of " + owner + " that "
                    + (Names.heldAmong(reason)
                            ? "takes a " + subjectClass + " out of " + Names.heldField(reason)
                            : "replaces or clears " + reason);
            until = "take the listener off each " + subjectClass + " yourself before " + owner + " lets go of it.";
        } else {
            undoer = method(place[0], place[1]);
            when = undoer;
        }
        return FixNotes.inLibrary(fix, owner, site, call, undoer, when, until);
    }

    /** Whether the owner ended with what it was bound to, having no end of its own ({@code CandidateEnds}). */
    private static boolean bound(Finding f) {
        return f.end().signal() == Signal.LIFECYCLE_END && f.end().reason() != null;
    }

    /** For an owner that ended with what it was bound to: a close() to give it, called when that closes. */
    private static String boundPlace(Finding f, String owner) {
        return "a close() of " + owner + ", called when the "
                + Names.source(f.end().reason()) + " it was bound to closes (" + owner + " has no end of its own)";
    }

    /**
     * An owner's registration to undo: the handle to close, the remove call to add, or, for an API with no remove
     * method, a weak wrapper and a field that keeps the listener.
     */
    private static Fix undo(
            Finding f, String owner, String subject, String registeredAt, String[] place, String where) {
        ApiMethod api = f.api();
        boolean detached = f.end().signal() == Signal.DETACHED_SUBJECT;
        String listenerType = Names.source(api.listenerType());
        boolean needsField = f.listenerField() == null && f.relation() != OwnerRelation.SELF;
        String listener = f.relation() == OwnerRelation.SELF
                ? "this"
                : f.listenerField() != null ? f.listenerField() : "listener";
        String in = placeInWords(f, owner, subject, place);
        if (TaskApis.isTask(api) && api.handleClose() != null) {
            return TaskFixes.cancelTask(f, owner, subject, registeredAt, in, where);
        }
        if (api.handleClose() != null) {
            return closeHandle(f, owner, subject, registeredAt, in, where);
        }
        if (api.removeName() == null) {
            List<String> code = new ArrayList<>();
            code.add("// " + owner + ": keep a strong reference to the listener for as long as " + owner + " lives,");
            code.add("// and give the subject only a weak wrapper, since " + Names.source(api.declaringClass()) + "#"
                    + api.name() + " has no remove method:");
            code.add("private final " + listenerType + " " + (needsField ? "listener" : listener)
                    + " = /* the listener registered" + registeredAt + " */;");
            String wrapper =
                    "WeakListener.of(" + listenerType + ".class, " + (needsField ? "listener" : listener) + ")";
            code.add((TaskApis.isTask(api)
                            ? TaskFixes.addCall(api, subject, wrapper)
                            : subject + "." + api.name() + "("
                                    + args(api.parameterTypes(), api.listenerIndex(), wrapper) + ")")
                    + ";");
            code.add("// WeakListener (dev.lapse:lapse-weak, no dependencies) holds the listener weakly and forwards to"
                    + " it while the field above keeps it.");
            if (TaskApis.isTask(api)) {
                code.add("// Or, when " + owner + " made the future itself, complete it " + in
                        + ": a completed future lets go of its actions.");
            }
            return new Fix(
                    Fix.Kind.WEAK_WRAPPER,
                    owner + " is kept alive by " + Names.source(f.subjectClass())
                            + " through " + api.name()
                            + ", which has no remove method: register a weak wrapper and keep"
                            + " the listener in a field of " + owner + ".",
                    where,
                    String.join("\n", code));
        }

        List<String> code = new ArrayList<>();
        if (needsField) {
            code.add("// " + owner + ": keep the instance you register; a second lambda or `this::method` is a"
                    + " different object and removes nothing");
            code.add(
                    "private final " + listenerType + " listener = /* the listener registered" + registeredAt + " */;");
            code.add("");
        }
        code.add("// " + in + ":");
        List<String> removeTypes = api.removeParameterTypes();
        int listenerIndex = removeTypes.indexOf(api.listenerType());
        code.add(subject + "." + api.removeName() + "("
                + args(removeTypes, listenerIndex >= 0 ? listenerIndex : removeTypes.size() - 1, listener) + ");");
        return new Fix(
                Fix.Kind.REMOVE_CALL,
                "Call " + subject + "." + api.removeName() + "(…) " + in
                        + ": the listener registered" + registeredAt + " keeps " + owner + " reachable from "
                        + Names.source(f.subjectClass())
                        + (detached ? ", which it no longer holds." : " after its end of life."),
                where,
                String.join("\n", code));
    }

    /** An accumulation: the call site registers once, or undoes the previous registration before the next. */
    private static Fix registerOnce(Finding f, String subject, String registeredAt, String where) {
        ApiMethod api = f.api();
        StackTraceElement site = Names.topApplicationFrame(f.site());
        String caller = site == null
                ? "the registering code"
                : Names.source(site.getClassName()) + "." + site.getMethodName() + "()";
        List<String> code = new ArrayList<>();
        code.add("// each run of " + caller + " adds another listener to " + subject + ", and none is removed:");
        code.add("// register once (in a constructor or start()), or undo the previous registration first:");
        if (api.handleClose() != null) {
            code.add("if (registration != null) registration." + api.handleClose() + "();");
            code.add("registration = " + subject + "." + api.name() + "("
                    + args(api.parameterTypes(), api.listenerIndex(), "listener") + ");");
        } else if (api.removeName() != null) {
            List<String> removeTypes = api.removeParameterTypes();
            int listenerIndex = removeTypes.indexOf(api.listenerType());
            code.add(subject + "." + api.removeName() + "("
                    + args(removeTypes, listenerIndex >= 0 ? listenerIndex : removeTypes.size() - 1, "previousListener")
                    + ");");
            code.add(subject + "." + api.name() + "(" + args(api.parameterTypes(), api.listenerIndex(), "listener")
                    + ");");
        } else {
            code.add("// " + Names.source(api.declaringClass()) + "#" + api.name() + " has no remove method: register"
                    + " once and keep the listener in a field");
        }
        return new Fix(
                Fix.Kind.REGISTER_ONCE,
                f.count() + " listeners added" + registeredAt + " are still held by "
                        + Names.source(f.subjectClass())
                        + ": register once, or undo the previous registration before adding"
                        + " the next.",
                where,
                String.join("\n", code));
    }

    /** A lost listener: the owner keeps the delegate in a field, the subject keeps the weak wrapper. */
    private static Fix keepDelegate(Finding f, String owner, String subject, String registeredAt, String where) {
        if (f.relation() == OwnerRelation.WEAKLY_HELD) {
            return keepCallback(f, owner, subject, registeredAt, where);
        }
        ApiMethod api = f.api();
        String listenerType = Names.source(api.listenerType());
        String removeAction = "";
        // the remove action must not capture the owner: an instance field of it is read into a local first
        boolean ownField = f.subjectField() != null && f.subjectField().indexOf('.') < 0;
        if (api.removeName() != null) {
            List<String> removeTypes = api.removeParameterTypes();
            int listenerIndex = removeTypes.indexOf(api.listenerType());
            removeAction = ", l -> " + (ownField ? "subject" : subject) + "." + api.removeName() + "("
                    + args(removeTypes, listenerIndex >= 0 ? listenerIndex : removeTypes.size() - 1, "l") + ")";
        }
        String wrapper = f.listenerClass().contains("$Proxy")
                ? "WeakListener.of(" + listenerType + ".class, listener" + removeAction + ")"
                : "new " + Names.source(f.listenerClass()) + "(listener)";
        List<String> code = new ArrayList<>();
        code.add("// " + owner + ": keep the listener the weak wrapper forwards to, so that it lives as long as "
                + owner + " does");
        code.add("private final " + listenerType + " listener = /* the listener registered" + registeredAt + " */;");
        if (ownField && !removeAction.isEmpty() && wrapper.startsWith("WeakListener")) {
            code.add("// a local, so that the remove action holds the subject and never " + owner);
            code.add(Names.source(f.subjectClass()) + " subject = this." + subject + ";");
            code.add("subject." + api.name() + "(" + args(api.parameterTypes(), api.listenerIndex(), wrapper) + ");");
        } else {
            code.add(
                    subject + "." + api.name() + "(" + args(api.parameterTypes(), api.listenerIndex(), wrapper) + ");");
        }
        return new Fix(
                Fix.Kind.KEEP_DELEGATE,
                "Keep the listener in a field of " + owner + ": "
                        + Names.source(f.listenerClass())
                        + " holds it only weakly, nothing else held it, and it was collected"
                        + " while " + owner + " still needed its callback.",
                where,
                String.join("\n", code));
    }

    /** A lost callback its subject held only weakly: the owner keeps the callback for as long as it should run. */
    private static Fix keepCallback(Finding f, String owner, String subject, String registeredAt, String where) {
        ApiMethod api = f.api();
        String subjectClass = Names.source(f.subjectClass());
        List<String> code = new ArrayList<>();
        code.add("// " + owner + ": keep the callback it hands over for as long as it should run: " + subjectClass
                + " holds it only weakly");
        code.add("private final " + Names.source(api.listenerType()) + " callback = /* the callback handed over"
                + registeredAt + " */;");
        code.add(subject + "." + api.name() + "(" + args(api.parameterTypes(), api.listenerIndex(), "callback") + ");");
        return new Fix(
                Fix.Kind.KEEP_DELEGATE,
                "Keep the callback in a field of " + owner + ": " + subjectClass
                        + " holds it only weakly, nothing else held it, and it was collected while " + subjectClass
                        + " still had it pending, so it will never run.",
                where,
                String.join("\n", code));
    }

    /** Keep the handle the add returned in a field of the owner and close it where the owner ends. */
    private static Fix closeHandle(
            Finding f, String owner, String subject, String registeredAt, String in, String where) {
        ApiMethod api = f.api();
        String handleType = Names.source(api.handleType());
        String field = f.handleField() != null ? f.handleField() : "registration";
        List<String> code = new ArrayList<>();
        if (f.handleField() == null) {
            code.add("// " + owner + ": keep the " + handleType + " that " + api.name() + " returns"
                    + (f.handleDropped() ? "; it was dropped, and with it the only way to undo the registration" : ""));
            code.add("private " + handleType + " " + field + ";");
            code.add(field + " = " + subject + "." + api.name() + "("
                    + args(
                            api.parameterTypes(),
                            api.listenerIndex(),
                            "/* the listener registered" + registeredAt + " */")
                    + ");");
            code.add("");
        }
        code.add("// " + in + ":");
        code.add(field + "." + api.handleClose() + "();");
        return new Fix(
                Fix.Kind.CLOSE_HANDLE,
                "Call " + field + "." + api.handleClose() + "() " + in + ": the "
                        + handleType + " returned by " + api.name() + registeredAt
                        + " undoes the registration that keeps "
                        + owner + " reachable from " + Names.source(f.subjectClass()) + ".",
                where,
                String.join("\n", code));
    }

    /**
     * Class and method the fix goes in: the owner's lifecycle method that ended it, or, for an explicit signal,
     * the method that called {@code Lapse.expectCollected}.
     */
    private static String[] lifecyclePlace(Finding f) {
        StackTraceElement at = switch (f.end().signal()) {
            // nobody's call dropped the subject; the registering method is where the subject is set
            case DETACHED_SUBJECT -> Names.topApplicationFrame(f.site());
            // the remove call's caller: where the right call belongs
            case INEFFECTIVE_REMOVAL, PARTIAL_DETACHMENT -> Story.endFrame(f);
            case LIFECYCLE_END, EXPLICIT, SCOPE_END, LOST_LISTENER, ACCUMULATION -> {
                if (f.end().method() != null) {
                    yield new StackTraceElement(
                            f.ownerClass(), Names.methodOf(f.end().method()), null, -1);
                }
                yield Names.topApplicationFrame(f.end().site().frames());
            }
        };
        return at == null
                ? new String[] {f.ownerClass(), "close"}
                : new String[] {at.getClassName(), at.getMethodName()};
    }

    /** Where the fix goes, in words: {@code in View.dispose()}, or what a signal with no such method says. */
    private static String placeInWords(Finding f, String owner, String subject, String[] place) {
        String in = "in " + Names.source(place[0]) + "." + place[1] + "()";
        return switch (f.end().signal()) {
            case SCOPE_END ->
                "where " + owner + " is done (a close() of its own, called before "
                        + f.end().reason() + " ends)";
            case DETACHED_SUBJECT ->
                (Names.heldAmong(f.end().reason())
                                ? "where " + owner + " takes a " + Names.source(f.subjectClass()) + " out of "
                                        + Names.heldField(f.end().reason()) + " (a removal, a clear), for each "
                                        + subject + " it takes out, before it lets go of it"
                                : "where " + owner + " replaces or clears " + subject + ", before it lets go of the"
                                        + " old one")
                        + " (it registers in " + method(place[0], place[1])
                        + (f.end().method() == null
                                ? ""
                                : "; it ended in "
                                        + method(
                                                f.ownerClass(),
                                                Names.methodOf(f.end().method())))
                        + ")";
            case PARTIAL_DETACHMENT -> in + ", next to the removal it has";
            case LIFECYCLE_END -> bound(f) ? "in " + boundPlace(f, owner) : in;
            case EXPLICIT, INEFFECTIVE_REMOVAL, LOST_LISTENER, ACCUMULATION -> in;
        };
    }

    /** {@code View.show()}, or {@code the View constructor} for {@code <init>}. */
    static String method(String className, String methodName) {
        return switch (methodName) {
            case "<init>" -> "the " + Names.source(className) + " constructor";
            case "<clinit>" -> "the static initializer of " + Names.source(className);
            default -> Names.source(className) + "." + methodName + "()";
        };
    }

    /** Arguments of a call with the listener in its place: keys stay as they were when added. */
    private static String args(List<String> types, int listenerIndex, String listener) {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            args.add(i == listenerIndex ? listener : "/* same " + Names.source(types.get(i)) + " as when added */");
        }
        return String.join(", ", args);
    }
}
