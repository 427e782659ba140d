package dev.lapse.agent.bootstrap;

import java.lang.ref.WeakReference;

/**
 * The only class that instrumented code calls. It is defined in the bootstrap class loader at start-up so
 * that instrumented JDK classes ({@code java.beans.PropertyChangeSupport}, Swing components, ...) can see it,
 * which is why it uses JDK types only and knows nothing of the agent: the agent wires a {@link Sink} into it.
 *
 * <p>The build renames it to {@code java.util.function.LapseHook} (the agent's references to it too), the
 * package it is defined in ({@code runtime/BootstrapInjector}); no class loader but the bootstrap one may define a
 * class of that package, so the application's class path can never hold a second copy. Every method is safe to call before a sink is installed and
 * after it is removed: it then does nothing.
 *
 * <p>Nested registration calls count once: {@code JButton.addActionListener} delegating to
 * {@code EventListenerList.add} is one registration, made by the outermost call. A per-thread depth counter
 * tells the outermost call apart.
 *
 * <p>A rewritten caller hands over, before the call, its call site's id and its {@code this} (the object whose code
 * registers: an owner candidate when the listener captured nothing of the application). The object is kept weakly:
 * a call that throws before it enters a registration method leaves what it handed over behind, and Lapse must not
 * keep an application object alive. The reference is reused while the same object calls, so a registration allocates
 * only when its caller changes.
 */
public final class LapseHook {

    /** What the agent does with the calls instrumented code makes. Implementations must never throw. */
    public interface Sink {
        /**
         * An add-style method returned normally. {@code subject} is the receiver, or the class for a static API;
         * {@code handle} what it returned when that undoes the registration ({@code Disposable}, ...), else
         * {@code null}; {@code siteId} the id of the call site that made it, or 0 when its caller was not rewritten;
         * {@code caller} the {@code this} of the code that made the call, or {@code null} (a static method, a
         * constructor before it initialised its object, a caller that was not rewritten); {@code inner}, for an add
         * that returns its handle, the subjects it registered on inside its own call (a {@code subscribe} that
         * subscribed to the chain's sources), in the order their calls began, up to the first {@code null}, or
         * {@code null} for none: the hook's own array, to read during the call only.
         */
        void added(
                int apiId, Object subject, Object listener, Object handle, int siteId, Object caller, Object[] inner);

        /**
         * A rewritten call to {@code className}, a JDK class loaded before the agent, is about to run: instrument it
         * now if that is still to do, before returning.
         */
        void instrumentLate(String className);

        /** A remove-style method returned normally. */
        void removed(int apiId, Object subject, Object listener);

        /**
         * A lifecycle-ending method (close, dispose, {@code @PreDestroy}, ...) or a handle's closing method
         * ({@code cancel()}, ...) returned normally on {@code owner}.
         */
        void ended(int methodId, Object owner);

        /** Application code said that {@code owner} should now be collectable. */
        void expectCollected(Object owner, String reason);

        /** Runs the check now and writes the report files; returns the report directory (a {@code java.nio.file.Path}). */
        Object writeReport();

        /** A scope ended: owners first registered in it should now be dead. */
        void scopeEnded(String scope, String description);

        /**
         * Checks the registrations made in {@code scope} (and, with {@code nested}, in scopes whose name starts
         * with it) whose owners' scope ended; returns the findings as text, or {@code null} when there are none.
         * Subjects reachable from {@code root} (the test instance) are the scope's own and not counted.
         * {@code signals}, comma-separated, limits the findings to those signals; {@code null} for all. With
         * {@code defer}, candidates on subjects not known to be older than the scope are left to a later check.
         */
        String checkScope(String scope, boolean nested, Object root, String signals, boolean defer);
    }

    private static volatile Sink sink;

    /** The scope (a test) running on each thread; threads started inside it inherit it. */
    private static final InheritableThreadLocal<String> SCOPE = new InheritableThreadLocal<>();

    /** Set once any scope began, so that runs without scopes never look the thread-local up. */
    private static volatile boolean scopesUsed;

    /**
     * Per thread: the registration calls under way and what rewritten callers handed over for them. Instrumented code
     * only passes it from {@link #enter} to the exit hooks, so the thread-local is looked up once per call.
     */
    public static final class Calls {
        /** Calls into registration methods under way: the outermost one is the registration. */
        int depth;

        /** The call-site id a rewritten caller handed over for the call it is about to make. */
        int pendingSite;

        /** The id the outermost call took. */
        int takenSite;

        /** Whether the pending site came with its caller's {@code this}. */
        boolean pendingCaller;

        /** The last {@code this} a rewritten caller handed over, weakly: reused while the same object calls. */
        WeakReference<Object> caller;

        /** The caller the outermost call took, or {@code null}. */
        WeakReference<Object> takenCaller;

        /** Whether the outermost call is an add that returns its undo handle ({@link #enterHandle}). */
        boolean handleCall;

        /**
         * The subjects the outermost handle call registered on inside its own call, in the order those calls began,
         * up to the first {@code null}: made at its first such call, and emptied when the outermost call returns or
         * throws, so it holds them no longer than the call that reached them does.
         */
        Object[] inner;

        /** When each of {@link #inner}'s calls began: its place in {@link #began}'s count. */
        int[] innerBegan;

        /** The filled places of {@link #inner}. */
        int innerCount;

        /** Calls begun inside the outermost handle call so far. */
        int began;

        /** When the call at each depth inside the outermost handle call began, for its return to tell. */
        int[] beganAt;

        private Calls() {}

        /** A call at {@code depth} (1 for the first nested one) is beginning inside the outermost handle call. */
        void begin(int depth) {
            began++;
            if (depth < DEPTHS) {
                if (beganAt == null) {
                    beganAt = new int[DEPTHS];
                }
                beganAt[depth] = began;
            }
        }

        /**
         * A nested add of the handle call, whose call is at {@code depth}, returned having registered on
         * {@code subject}: kept once, in the order the calls began (a call returns after the ones it made, so its
         * return order is not that), the earliest let go when full: a chain subscribes from its end towards its
         * source, the long-lived one, which it reaches last.
         */
        void keepInner(Object subject, int depth) {
            if (inner == null) {
                inner = new Object[INNER];
                innerBegan = new int[INNER];
            }
            for (int i = 0; i < innerCount; i++) {
                if (inner[i] == subject) {
                    return;
                }
            }
            int when = depth < DEPTHS && beganAt != null ? beganAt[depth] : began;
            if (innerCount == INNER) {
                if (when < innerBegan[0]) {
                    return;
                }
                System.arraycopy(inner, 1, inner, 0, INNER - 1);
                System.arraycopy(innerBegan, 1, innerBegan, 0, INNER - 1);
                innerCount--;
            }
            int at = innerCount;
            while (at > 0 && innerBegan[at - 1] > when) {
                inner[at] = inner[at - 1];
                innerBegan[at] = innerBegan[at - 1];
                at--;
            }
            inner[at] = subject;
            innerBegan[at] = when;
            innerCount++;
        }

        /** The outermost call is over: forgets the inner subjects. */
        void releaseInner() {
            for (int i = 0; i < innerCount; i++) {
                inner[i] = null;
            }
            innerCount = 0;
        }
    }

    /** Inner subjects kept for one handle call: an operator chain subscribes through a few. */
    static final int INNER = 8;

    /** Depths inside a handle call whose beginnings are told apart; a deeper call counts as the latest. */
    static final int DEPTHS = 32;

    private static final ThreadLocal<Calls> CALLS = new ThreadLocal<Calls>() {
        @Override
        protected Calls initialValue() {
            return new Calls();
        }
    };

    private LapseHook() {}

    /** Wires the agent in; {@code null} turns every hook into a no-op. */
    public static void install(Sink newSink) {
        if (LapseHook.class.getClassLoader() != null) {
            // A copy on an application class path would split the hook in two and see no calls from the JDK.
            throw new IllegalStateException(
                    "LapseHook must be loaded by the bootstrap class loader, not " + LapseHook.class.getClassLoader());
        }
        sink = newSink;
    }

    /** Whether a sink is installed. */
    public static boolean installed() {
        return sink != null;
    }

    /**
     * Entering a registration (add or remove) method: counts the call on this thread and returns the counter,
     * which the advice hands back on exit so the thread-local is looked up once per call.
     */
    public static Calls enter() {
        return enter(false);
    }

    /**
     * As {@link #enter()}, for an add that returns the handle that undoes it ({@code subscribe} returning a
     * {@code Disposable}): the adds it makes inside its own call (a {@code subscribe()} that subscribes to the
     * chain's sources) are not registrations of their own, but their subjects are the handle's too, whose undo must
     * let go of them ({@link Sink#added}'s {@code inner}).
     */
    public static Calls enterHandle() {
        return enter(true);
    }

    private static Calls enter(boolean handle) {
        // Counted even without a sink, so that enter and exit stay paired across install and uninstall.
        Calls calls = CALLS.get();
        int depth = calls.depth++;
        if (depth == 0) {
            calls.takenSite = calls.pendingSite;
            calls.takenCaller = calls.pendingSite != 0 && calls.pendingCaller ? calls.caller : null;
            calls.handleCall = handle;
            calls.began = 0;
        } else if (calls.handleCall) {
            calls.begin(depth);
        }
        // taken by the outermost call only, and by no later one: a nested call's site is not the registration's
        calls.pendingSite = 0;
        return calls;
    }

    /**
     * A caller rewritten at instrumentation time is about to call a method that may be a registration API:
     * {@code siteId} names that call instruction, for the call's {@link #enter} to take. The caller has no
     * {@code this} to hand over (a static method, a constructor before its object is initialised).
     */
    public static void callSite(int siteId) {
        Calls calls = CALLS.get();
        calls.pendingSite = siteId;
        calls.pendingCaller = false;
    }

    /** As {@link #callSite(int)}, from code whose {@code this} is {@code caller}. */
    public static void callSite(int siteId, Object caller) {
        Calls calls = CALLS.get();
        calls.pendingSite = siteId;
        WeakReference<Object> last = calls.caller;
        if (last == null || !last.refersTo(caller)) {
            calls.caller = new WeakReference<>(caller);
        }
        calls.pendingCaller = true;
    }

    /**
     * A rewritten call is about to reach {@code className}, a JDK class loaded before the agent that is instrumented
     * only once some code calls it (see {@link Sink#instrumentLate}).
     */
    public static void instrumentLate(String className) {
        Sink s = sink;
        if (s != null) {
            s.instrumentLate(className);
        }
    }

    /** The call at a rewritten site returned: an id it left untaken (no instrumented method ran) is no one's. */
    public static void callSiteReturned() {
        CALLS.get().pendingSite = 0;
    }

    /**
     * An add method returned normally. Records the registration when this was the outermost call. The subject is
     * {@code self}, or {@code declaringType} for a static method; {@code handle} is what the method returned when
     * that undoes the registration, else {@code null} (first, so that the advice passes a returned handle on without
     * a local variable).
     */
    public static void added(
            Object handle, Calls calls, int apiId, Object self, Class<?> declaringType, Object listener) {
        Sink s = leave(calls);
        if (calls == null) {
            return;
        }
        if (calls.depth > 0) {
            if (calls.handleCall && listener != null) {
                calls.keepInner(self != null ? self : declaringType, calls.depth);
            }
            return;
        }
        if (s != null && listener != null) {
            s.added(
                    apiId,
                    self != null ? self : declaringType,
                    listener,
                    handle,
                    takeRegisteringSite(calls),
                    takeRegisteringCaller(calls),
                    calls.innerCount == 0 ? null : calls.inner);
        }
        calls.releaseInner();
    }

    /**
     * The call-site id the outermost registration call on this thread took on entry ({@code calls} is what
     * {@link #enter} returned), or 0 when its caller was not rewritten; read once, by the registration being
     * recorded, so a later one never sees it.
     */
    public static int takeRegisteringSite(Calls calls) {
        int site = calls.takenSite;
        calls.takenSite = 0;
        return site;
    }

    /**
     * The {@code this} the outermost registration call's caller handed over with its site, or {@code null}: none,
     * or collected since; read once, like {@link #takeRegisteringSite}.
     */
    public static Object takeRegisteringCaller(Calls calls) {
        WeakReference<Object> caller = calls.takenCaller;
        calls.takenCaller = null;
        return caller == null ? null : caller.get();
    }

    /** A remove method returned normally; the counterpart of {@link #added}. */
    public static void removed(Calls calls, int apiId, Object self, Class<?> declaringType, Object listener) {
        Sink s = leave(calls);
        if (s != null && listener != null) {
            s.removed(apiId, self != null ? self : declaringType, listener);
        }
        releaseIfOutermost(calls);
    }

    /** An add or remove method threw: uncounts the call, records nothing. */
    public static void unwind(Calls calls) {
        leave(calls);
        releaseIfOutermost(calls);
    }

    private static void releaseIfOutermost(Calls calls) {
        if (calls != null && calls.depth == 0) {
            calls.releaseInner();
        }
    }

    /** A lifecycle-ending method, or a handle's closing method, returned normally. */
    public static void ended(int methodId, Object owner) {
        Sink s = sink;
        if (s != null && owner != null) {
            s.ended(methodId, owner);
        }
    }

    /** See {@code dev.lapse.Lapse#expectCollected}. */
    public static void expectCollected(Object owner, String reason) {
        Sink s = sink;
        if (s != null && owner != null) {
            s.expectCollected(owner, reason);
        }
    }

    /** See {@code dev.lapse.Lapse#writeReport}; {@code null} when no agent is installed. */
    public static Object writeReport() {
        Sink s = sink;
        return s == null ? null : s.writeReport();
    }

    /** See {@code dev.lapse.Lapse#beginScope}; returns the scope it replaces on this thread. */
    public static String beginScope(String scope) {
        scopesUsed = true;
        String previous = SCOPE.get();
        SCOPE.set(scope);
        return previous;
    }

    /** See {@code dev.lapse.Lapse#endScope}. */
    public static void endScope(String scope, String description, String restore) {
        SCOPE.set(restore);
        Sink s = sink;
        if (s != null && scope != null) {
            s.scopeEnded(scope, description);
        }
    }

    /** The scope running on this thread, or {@code null}. */
    public static String currentScope() {
        return scopesUsed ? SCOPE.get() : null;
    }

    /** See {@code dev.lapse.Lapse#checkScope}; {@code null} when there is nothing to say or no agent. */
    public static String checkScope(String scope, boolean nested, Object root, String signals, boolean defer) {
        Sink s = sink;
        return s == null || scope == null ? null : s.checkScope(scope, nested, root, signals, defer);
    }

    /** Uncounts the call; returns the sink when it was the outermost one. */
    private static Sink leave(Calls calls) {
        if (calls == null || calls.depth <= 0) {
            return null; // entered before the advice was installed, or enter failed: nothing to pair with
        }
        return --calls.depth == 0 ? sink : null;
    }
}
