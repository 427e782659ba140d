package dev.lapse.agent.track;

import dev.lapse.agent.bootstrap.LapseHook;
import java.lang.reflect.Proxy;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Captures registration sites without paying for a stack walk on every registration. A stack walk costs
 * microseconds; the registration path has a budget of about a hundred nanoseconds. Sites are therefore cached
 * per (API method, listener class): for lambdas and anonymous classes the class already names one place in
 * the source. The first {@value #STABLE_AFTER} registrations of a key are walked; when they agree the site is
 * reused, and re-checked every {@value #RECHECK_EVERY}th time. A key whose registrations come from several
 * places (a named listener class registered from many callers) is walked every time.
 */
public final class SiteCapture {
    static final int MAX_FRAMES = 24;
    static final int STABLE_AFTER = 3;
    static final int RECHECK_EVERY = 4096;
    private static final int MAX_INTERNED = 20_000;
    private static final String AGENT_PACKAGE = "dev.lapse.agent.";
    /** The hook is one of the agent's frames too, though the build renamed it into a JDK package. */
    private static final String HOOK = LapseHook.class.getName();

    private static final StackWalker WALKER = StackWalker.getInstance();

    private final ConcurrentHashMap<Site, Site> interned = new ConcurrentHashMap<>();
    private final ClassValue<Slots> slots = new ClassValue<Slots>() {
        @Override
        protected Slots computeValue(Class<?> type) {
            return new Slots(Proxy.isProxyClass(type));
        }
    };

    /**
     * The site of a registration through {@code apiId} of a listener of class {@code listenerClass}. Inside a
     * scope (a test) the stack is always walked: the cached site's outer frames would name the test that
     * registered first, and a finding must name its own.
     */
    public Site registration(int apiId, Class<?> listenerClass, boolean inScope) {
        Slots slotsOfClass = slots.get(listenerClass);
        if (inScope || slotsOfClass.proxy) {
            // a proxy class (every lapse-weak wrapper of one interface) names no place in the source
            return walk(1, true);
        }
        State state = slotsOfClass.state(apiId);
        Site stable = state.stable;
        if (stable != null && (++state.calls % RECHECK_EVERY) != 0) {
            return stable;
        }
        Site walked = walk(1, true);
        state.observe(walked);
        return walked;
    }

    /** The current stack from the instrumented method itself (for a lifecycle end: {@code View.dispose} first). */
    public Site here() {
        return walk(0, true);
    }

    /**
     * {@link #here()}, not interned when {@code intern} is false: for stacks taken on a path most of whose stacks
     * are thrown away (a removal that may be part of a partial detachment), so they never fill the table the
     * registration sites share.
     */
    public Site here(boolean intern) {
        return walk(0, intern);
    }

    /** Walks the stack below the agent's frames, skipping {@code skip} more (the instrumented method). */
    private Site walk(int skip, boolean intern) {
        StackTraceElement[] frames =
                WALKER.walk(s -> s.dropWhile(f -> f.getClassName().startsWith(AGENT_PACKAGE)
                                || f.getClassName().equals(HOOK))
                        .skip(skip)
                        .limit(MAX_FRAMES)
                        .map(StackWalker.StackFrame::toStackTraceElement)
                        .toArray(StackTraceElement[]::new));
        Site site = new Site(frames);
        if (!intern || interned.size() >= MAX_INTERNED) {
            return site;
        }
        Site known = interned.putIfAbsent(site, site);
        return known != null ? known : site;
    }

    /** The states of one listener class, one per API method; almost always one or two. */
    private static final class Slots {
        /** Whether the listener class is a dynamic proxy's: never cached. */
        final boolean proxy;

        private volatile State[] states = new State[0];

        Slots(boolean proxy) {
            this.proxy = proxy;
        }

        State state(int apiId) {
            for (State s : states) {
                if (s.apiId == apiId) {
                    return s;
                }
            }
            synchronized (this) {
                for (State s : states) {
                    if (s.apiId == apiId) {
                        return s;
                    }
                }
                State[] grown = java.util.Arrays.copyOf(states, states.length + 1);
                State created = new State(apiId);
                grown[grown.length - 1] = created;
                states = grown;
                return created;
            }
        }
    }

    /** Whether one (API, listener class) key always registers from the same place. */
    private static final class State {
        final int apiId;
        volatile Site stable;
        int calls; // racy on purpose: it only spaces out re-checks
        private Site first;
        private int agreeing;
        private boolean varies;

        State(int apiId) {
            this.apiId = apiId;
        }

        synchronized void observe(Site walked) {
            if (varies) {
                return;
            }
            if (stable != null) {
                if (!stable.equals(walked)) {
                    stable = null;
                    varies = true;
                }
            } else if (first == null) {
                first = walked;
                agreeing = 1;
            } else if (first.equals(walked)) {
                if (++agreeing >= STABLE_AFTER) {
                    stable = first;
                }
            } else {
                varies = true;
            }
        }
    }
}
