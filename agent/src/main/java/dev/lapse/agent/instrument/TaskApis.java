package dev.lapse.agent.instrument;

import dev.lapse.agent.instrument.TypeInfo.MethodInfo;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;

/**
 * The task APIs of the JDK (DESIGN.md section 2, "task and future APIs"): a task handed to a scheduler is a
 * callback the scheduler keeps, like a listener. Kept apart from the name families ({@link NameRules}) since none of
 * these methods is named like a registration: each is listed here by class and name.
 *
 * <ul>
 *   <li>{@code ScheduledThreadPoolExecutor#schedule}, {@code scheduleAtFixedRate}, {@code scheduleWithFixedDelay}: the
 *       subject is the executor, the listener the task, the handle the {@code ScheduledFuture} it returns, undone by
 *       the future's {@code cancel(boolean)};
 *   <li>{@code Timer#schedule}, {@code scheduleAtFixedRate}: the subject is the timer, the listener and the handle
 *       the {@code TimerTask}, undone by its {@code cancel()};
 *   <li>the dependent actions of a {@code CompletableFuture} ({@code whenComplete}, {@code thenAccept},
 *       {@code thenApply}, {@code thenRun}, {@code handle}, {@code exceptionally}, their {@code Async} forms): the
 *       subject is the future, the listener the action; nothing removes one, the future's completion releases it;
 *   <li>Guava's {@code AbstractFuture#addListener(Runnable, Executor)}, likewise: a library class, whose add the name
 *       family finds but would drop, since a {@code Runnable} does not read as a listener and nothing removes it
 *       ({@link #isLibraryFuture});
 *   <li>Guava's static {@code Futures#addCallback(future, callback, executor)}: the subject is the future it is given
 *       ({@link #subjectArgument}), the listener the application's callback, not the {@code CallbackListener} that
 *       Guava wraps it in and adds to the future (a nested add, which counts once: the outermost call is the
 *       registration); completion releases it too.
 * </ul>
 *
 * A one-shot task that ran, a scheduler that shut down and a future that completed release their tasks; the check's
 * reachability walk sees that, so none needs a hook.
 */
public final class TaskApis {
    static final String EXECUTOR = "java.util.concurrent.ScheduledThreadPoolExecutor";
    static final String FUTURE_TASK = EXECUTOR + "$ScheduledFutureTask";
    static final String TIMER = "java.util.Timer";
    static final String TIMER_TASK = "java.util.TimerTask";
    static final String FUTURE = "java.util.concurrent.CompletableFuture";
    /** Guava's futures ({@code SettableFuture}, {@code ListenableFutureTask}, ...) keep their listeners here. */
    static final String GUAVA_FUTURE = "com.google.common.util.concurrent.AbstractFuture";
    /** Guava's static helpers, whose {@code addCallback} takes the future as its first argument. */
    static final String GUAVA_FUTURES_HELPER = "com.google.common.util.concurrent.Futures";

    private static final String ADD_CALLBACK = "addCallback";

    /** The add methods by class, each taking its task first. */
    private static final Map<String, Set<String>> ADDS = Map.of(
            EXECUTOR, Set.of("schedule", "scheduleAtFixedRate", "scheduleWithFixedDelay"),
            TIMER, Set.of("schedule", "scheduleAtFixedRate"),
            FUTURE, dependents("whenComplete", "thenAccept", "thenApply", "thenRun", "handle", "exceptionally"));

    /** The handle types the adds return (or, for a timer, take), and their undo. */
    private static final Map<String, String> HANDLES =
            Map.of(EXECUTOR, "java.util.concurrent.ScheduledFuture", TIMER, TIMER_TASK);

    /** The listener of every task add: the task, its first parameter. */
    static final int TASK_INDEX = 0;

    /** The undo of a task's handle: {@code ScheduledFuture#cancel(boolean)}, {@code TimerTask#cancel()}. */
    static final String CANCEL = "cancel";

    private static final Set<String> TASK_TYPES = Set.of(
            "java.lang.Runnable",
            "java.util.concurrent.Callable",
            TIMER_TASK,
            "java.util.function.Function",
            "java.util.function.Consumer",
            "java.util.function.BiConsumer",
            "java.util.function.BiFunction");

    /**
     * The Guava classes that declare {@code addListener}: the trusted futures override it only to call the base, and
     * instrumenting them too makes the application's call the outermost one, so its frame is the site.
     */
    private static final Set<String> GUAVA_FUTURES = Set.of(
            GUAVA_FUTURE,
            GUAVA_FUTURE + "$TrustedFuture",
            "com.google.common.util.concurrent.FluentFuture$TrustedFuture");

    private TaskApis() {}

    /** Whether the class declares task APIs or their handles' undo. */
    static boolean covers(String className) {
        return className.equals(EXECUTOR)
                || className.equals(FUTURE_TASK)
                || className.equals(FUTURE)
                || className.equals(TIMER)
                || className.equals(TIMER_TASK);
    }

    /** Whether {@code api} is a task or future API, whose fix cancels a task or weakens an action. */
    public static boolean isTask(ApiMethod api) {
        return api != null
                && api.kind() == ApiMethod.Kind.ADD
                && (ADDS.containsKey(api.declaringClass())
                        || GUAVA_FUTURES.contains(api.declaringClass())
                        || subjectArgument(api) >= 0);
    }

    /** Whether {@code name} of a library class adds an action to a future that only completion releases. */
    static boolean isLibraryFuture(String className, String name) {
        return GUAVA_FUTURES.contains(className) && name.equals("addListener")
                || className.equals(GUAVA_FUTURES_HELPER) && name.equals(ADD_CALLBACK);
    }

    /**
     * The argument that is the subject of a static task API ({@code Futures.addCallback(future, ...)}: the future),
     * or -1 for every other API, whose subject is its receiver (or, for another static API, its class).
     */
    public static int subjectArgument(ApiMethod api) {
        return api.isStatic()
                        && api.kind() == ApiMethod.Kind.ADD
                        && api.name().equals(ADD_CALLBACK)
                        && api.declaringClass().equals(GUAVA_FUTURES_HELPER)
                ? 0
                : -1;
    }

    /** Whether {@code api} schedules on a {@code java.util.Timer} (else on a {@code ScheduledThreadPoolExecutor}). */
    public static boolean isTimer(ApiMethod api) {
        return api.declaringClass().equals(TIMER);
    }

    /** What {@code m} of a covered class is: an add, a handle's undo, or nothing ({@code null}). */
    static Plan plan(TypeInfo type, MethodInfo m) {
        if (m.is(Opcodes.ACC_STATIC) || m.is(Opcodes.ACC_PRIVATE)) {
            return null;
        }
        if (m.name().equals(CANCEL)
                && (type.name().equals(FUTURE_TASK) && m.descriptor().equals("(Z)Z")
                        || type.name().equals(TIMER_TASK) && m.descriptor().equals("()Z"))) {
            return Plan.UNDO;
        }
        Set<String> adds = ADDS.get(type.name());
        return adds != null && adds.contains(m.name()) && takesTaskFirst(m) ? Plan.ADD : null;
    }

    private static Set<String> dependents(String... names) {
        Set<String> all = new HashSet<>();
        for (String n : names) {
            all.add(n);
            all.add(n + "Async");
        }
        return Set.copyOf(all);
    }

    /** The handle type of an add of {@code className}, or {@code null} for a future's action (there is none). */
    static String handleType(String className) {
        return HANDLES.get(className);
    }

    private static boolean takesTaskFirst(MethodInfo m) {
        List<String> p = m.parameterNames();
        return !p.isEmpty() && TASK_TYPES.contains(p.get(0));
    }

    /** What a method of a covered class is. */
    enum Plan {
        /** Schedules its first argument. */
        ADD,
        /** Cancels the task it runs on. */
        UNDO
    }
}
