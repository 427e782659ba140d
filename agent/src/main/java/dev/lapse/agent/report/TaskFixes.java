package dev.lapse.agent.report;

import dev.lapse.agent.confirm.Finding;
import dev.lapse.agent.instrument.ApiMethod;
import dev.lapse.agent.instrument.TaskApis;
import dev.lapse.agent.report.model.Fix;
import java.util.ArrayList;
import java.util.List;

/**
 * The fix for a task left scheduled ({@link TaskApis}): keep what cancels it and cancel it where the owner ends. A
 * {@code ScheduledFuture} is cancelled with {@code cancel(false)}, and its executor should drop cancelled tasks at
 * once ({@code setRemoveOnCancelPolicy(true)}), else the cancelled task stays queued until the next run is due (the
 * JDK's task lets go of the application's runnable when cancelled, so that costs only the task itself); a
 * {@code TimerTask} is cancelled and the timer purged, since a cancelled {@code TimerTask} keeps its owner queued.
 */
final class TaskFixes {
    private TaskFixes() {}

    static Fix cancelTask(Finding f, String owner, String subject, String registeredAt, String in, String where) {
        ApiMethod api = f.api();
        boolean timer = TaskApis.isTimer(api);
        String field = f.handleField() != null ? f.handleField() : "task";
        String task = "/* the task scheduled" + registeredAt + " */";
        List<String> code = new ArrayList<>();
        if (f.handleField() == null) {
            if (timer) {
                code.add("// " + owner + ": keep the TimerTask it schedules");
                code.add("private TimerTask " + field + ";");
                code.add(field + " = " + task + ";");
                code.add(subject + "." + api.name() + "(" + args(api.parameterTypes(), field) + ");");
            } else {
                code.add("// " + owner + ": keep the ScheduledFuture that " + api.name() + " returns");
                code.add("private ScheduledFuture<?> " + field + ";");
                code.add(field + " = " + subject + "." + api.name() + "(" + args(api.parameterTypes(), task) + ");");
            }
            code.add("");
        }
        code.add("// " + in + ":");
        if (timer) {
            code.add(field + ".cancel();");
            code.add("// a cancelled TimerTask stays in the timer's queue until its time comes; purge takes it out:");
            code.add(subject + ".purge();");
        } else {
            code.add(field + ".cancel(false);");
            code.add("// where the executor is made: else a cancelled task stays queued until its next run is due:");
            code.add(subject + ".setRemoveOnCancelPolicy(true);");
        }
        String what = timer ? "the TimerTask scheduled" : "the ScheduledFuture returned by " + api.name();
        return new Fix(
                Fix.Kind.CLOSE_HANDLE,
                "Cancel the task " + in + ": " + what + registeredAt + " is what takes the task, and " + owner
                        + " with it, off the queue of " + Names.source(f.subjectClass()) + ".",
                where,
                String.join("\n", code));
    }

    /**
     * A task cancelled and still queued, and its owner with it: a {@code Timer} keeps a cancelled {@code TimerTask}
     * until its time comes, unless purged. (A {@code ScheduledThreadPoolExecutor} keeps a cancelled task queued too
     * without {@code setRemoveOnCancelPolicy(true)}, but the JDK's task lets go of the application's runnable when
     * cancelled; only a task of the application's own decoration holds on to it.)
     */
    static Fix dropCancelled(Finding f, String owner, String subject, String in, String where) {
        boolean timer = TaskApis.isTimer(f.api());
        String cancel = timer ? "TimerTask.cancel()" : "ScheduledFuture.cancel(…)";
        List<String> code = new ArrayList<>();
        code.add("// " + cancel + " returned, yet " + Names.source(f.subjectClass()) + " keeps the cancelled task,"
                + " and " + owner + " with it, queued until its time comes:");
        if (timer) {
            code.add("// in " + in + ", after the cancel:");
            code.add(subject + ".purge();");
        } else {
            code.add("// where the executor is made:");
            code.add(subject + ".setRemoveOnCancelPolicy(true);");
            code.add("// or, in " + in + ", after the cancel:");
            code.add(subject + ".purge();");
        }
        return new Fix(
                Fix.Kind.CLOSE_HANDLE,
                (timer ? "Purge the timer in " + in : "Let the executor drop cancelled tasks")
                        + ": the task cancelled there is still in the queue of "
                        + Names.source(f.subjectClass()) + ", which keeps " + owner + " reachable until its time"
                        + " comes.",
                where,
                String.join("\n", code));
    }

    /**
     * The call that adds {@code listener} where the application added its action: {@code future.whenComplete(…)}, or,
     * for a static API that takes its future ({@code Futures.addCallback}), {@code Futures.addCallback(future, …)};
     * the other arguments as they were.
     */
    static String addCall(ApiMethod api, String subject, String listener) {
        int subjectArgument = TaskApis.subjectArgument(api);
        List<String> types = api.parameterTypes();
        List<String> args = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            args.add(
                    i == api.listenerIndex()
                            ? listener
                            : i == subjectArgument
                                    ? subject
                                    : "/* same " + Names.source(types.get(i)) + " as when added */");
        }
        return (subjectArgument >= 0 ? Names.source(api.declaringClass()) : subject) + "." + api.name() + "("
                + String.join(", ", args) + ")";
    }

    /** The task first, the delays and dates as they were when scheduled. */
    private static String args(List<String> types, String task) {
        List<String> args = new ArrayList<>();
        args.add(task);
        for (int i = 1; i < types.size(); i++) {
            args.add("/* same " + Names.source(types.get(i)) + " as when scheduled */");
        }
        return String.join(", ", args);
    }
}
