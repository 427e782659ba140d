package dev.lapse.agent.track;

import dev.lapse.agent.bootstrap.LapseHook;
import dev.lapse.agent.instrument.ApiCatalog;
import dev.lapse.agent.instrument.ApiMethod;
import dev.lapse.agent.instrument.callsite.CallSite;
import dev.lapse.agent.instrument.callsite.CallSiteTable;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Captures registration sites without paying for a stack walk on every registration. A stack walk costs
 * microseconds; the registration path has a budget of about a hundred nanoseconds.
 *
 * <p>A registration whose caller was rewritten at instrumentation time comes with its call site's id (see
 * {@code instrument/callsite}): the line is known, so only a sample is walked, to show the distinct paths that
 * reach it ({@link Site#paths()}): the 1st, 4th, 16th, ... registration of each call site up to the {@value
 * #RECHECK_EVERY}th, then one in {@value #RECHECK_EVERY}; the others get the site's first path. The sample is
 * sparse because a walk costs as much as thousands of registrations, and an application has thousands of call
 * sites, each walked at least once. One registering line reached through many paths, or one listener class
 * registered from many lines, costs no walk in steady state.
 *
 * <p>Without an id (a registration through reflection or a JDK method reference, a caller in the JDK or an
 * excluded package, a class loaded before an attach) sites are cached per (API method, listener class): for
 * lambdas and anonymous classes the class already names one place in the source. The first {@value
 * #STABLE_AFTER} registrations of a key are walked; when they agree the site is reused, and re-checked every
 * {@value #RECHECK_EVERY}th time. A key whose registrations come from several places (a named listener class
 * registered from many callers) is walked every time.
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

    private final ApiCatalog catalog;
    private final CallSiteTable callSites;
    private final ConcurrentHashMap<Site, Site> interned = new ConcurrentHashMap<>();
    private final ClassValue<Slots> slots = new ClassValue<Slots>() {
        @Override
        protected Slots computeValue(Class<?> type) {
            return new Slots(Proxy.isProxyClass(type));
        }
    };
    /** The sample of each call site, by id; grown under the lock of this capture. */
    private volatile Sampled[] sampled = new Sampled[256];

    /** Sites of the registrations through {@code catalog}'s methods, their call sites from this JVM's table. */
    public SiteCapture(ApiCatalog catalog) {
        this(catalog, CallSiteTable.jvm());
    }

    SiteCapture(ApiCatalog catalog, CallSiteTable callSites) {
        this.catalog = catalog;
        this.callSites = callSites;
    }

    /**
     * The site of a registration through {@code apiId} of a listener of class {@code listenerClass}, made at call
     * site {@code siteId} (0 when none is known). Inside a
     * scope (a test) the stack is always walked: the cached site's outer frames would name the test that
     * registered first, and a finding must name its own.
     */
    public Site registration(int apiId, int siteId, Class<?> listenerClass, boolean inScope) {
        Sampled atCall = sampledFor(siteId, apiId);
        if (atCall != null) {
            return atCall.site(this, inScope);
        }
        return cached(apiId, listenerClass, inScope, 1);
    }

    /**
     * The site of a lifecycle end, {@code methodId}'s method on an owner of class {@code ownerClass}: the stack from
     * the lifecycle method itself, cached like a registration's without a call-site id (keyed by method and owner
     * class), because a program that disposes thousands of owners from one place would otherwise walk for each of
     * them. Inside a scope (a test) the stack is always walked, so that the end names its own test.
     */
    public Site ending(int methodId, Class<?> ownerClass) {
        return cached(methodId, ownerClass, LapseHook.currentScope() != null, 0);
    }

    /**
     * The site cached for {@code id} and {@code type}: walked for the first {@value #STABLE_AFTER} times, then reused
     * while they agreed (re-checked every {@value #RECHECK_EVERY}th time), walked every time where they did not.
     */
    private Site cached(int id, Class<?> type, boolean inScope, int skip) {
        Slots slotsOfClass = slots.get(type);
        if (inScope || slotsOfClass.proxy) {
            // a proxy class (every lapse-weak wrapper of one interface) names no place in the source
            return walk(skip, true);
        }
        State state = slotsOfClass.state(id);
        Site stable = state.stable;
        if (stable != null && (++state.calls % RECHECK_EVERY) != 0) {
            return stable;
        }
        Site walked = walk(skip, true);
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

    /**
     * The sample of call site {@code siteId} when it is the site of a call to {@code apiId}'s method, else
     * {@code null} (no id, or an id that names another method: the registration then walks).
     */
    private Sampled sampledFor(int siteId, int apiId) {
        if (siteId == 0) {
            return null;
        }
        Sampled[] known = sampled;
        Sampled s = siteId < known.length ? known[siteId] : null;
        if (s == null) {
            CallSite callSite = callSites.get(siteId);
            if (callSite == null) {
                return null;
            }
            s = sampledOf(callSite);
        }
        return s.precedes(apiId, catalog) ? s : null;
    }

    private synchronized Sampled sampledOf(CallSite callSite) {
        Sampled[] known = sampled;
        int id = callSite.id();
        if (id >= known.length) {
            known = Arrays.copyOf(known, Math.max(id + 1, known.length * 2));
        }
        Sampled s = known[id];
        if (s == null) {
            s = new Sampled(callSite);
            known[id] = s;
            sampled = known; // the volatile write publishes it
        }
        return s;
    }

    /**
     * Walks the stack below the agent's frames, skipping {@code skip} more (the instrumented method, and the bridges
     * of its class that forwarded to it: Netty's {@code ChannelFuture addListener} calls its covariant override, and
     * a bridge's line is its class's, never the registering one).
     */
    private Site walk(int skip, boolean intern) {
        StackTraceElement[] all =
                WALKER.walk(s -> s.dropWhile(f -> f.getClassName().startsWith(AGENT_PACKAGE)
                                || f.getClassName().equals(HOOK))
                        .limit(MAX_FRAMES + skip + 2)
                        .map(StackWalker.StackFrame::toStackTraceElement)
                        .toArray(StackTraceElement[]::new));
        int from = Math.min(skip, all.length);
        while (skip > 0
                && from < all.length
                && all[from].getMethodName().equals(all[0].getMethodName())
                && all[from].getClassName().equals(all[0].getClassName())) {
            from++;
        }
        StackTraceElement[] frames = Arrays.copyOfRange(all, from, Math.min(all.length, from + MAX_FRAMES));
        Site site = new Site(frames);
        if (!intern || interned.size() >= MAX_INTERNED) {
            return site;
        }
        Site known = interned.putIfAbsent(site, site);
        return known != null ? known : site;
    }

    /** One call site's sample of walked paths, and whether it is the site of the API method that took its id. */
    private static final class Sampled {
        final CallSite callSite;
        final Site.Paths paths = new Site.Paths();
        /** The API last checked, times two, plus one when this is its call site; racy on purpose (see below). */
        int checked = -1;

        int calls; // racy on purpose: a lost increment costs one walk more or less

        Sampled(CallSite callSite) {
            this.callSite = callSite;
        }

        /**
         * Whether this call site calls the method of {@code apiId}. The answer for the last API asked is kept:
         * almost every call site reaches one API method, and an int write is atomic, so a race recomputes it.
         */
        boolean precedes(int apiId, ApiCatalog catalog) {
            int known = checked;
            if (known >>> 1 == apiId) {
                return (known & 1) != 0;
            }
            ApiMethod api = catalog.get(apiId);
            boolean answer = api != null
                    && callSite.precedes(api.name(), api.parameterTypes().size());
            checked = apiId << 1 | (answer ? 1 : 0);
            return answer;
        }

        Site site(SiteCapture capture, boolean inScope) {
            int n = ++calls;
            Site first = paths.first();
            if (first != null && !inScope && !sampled(n)) {
                return first;
            }
            Site walked = capture.walk(1, true);
            return paths.add(walked);
        }
    }

    /** Whether the {@code n}th registration of a call site is walked: 1, 4, 16, ... 4096, then every 4096th. */
    static boolean sampled(int n) {
        return n < RECHECK_EVERY
                ? (n & (n - 1)) == 0 && Integer.numberOfTrailingZeros(n) % 2 == 0
                : n % RECHECK_EVERY == 0;
    }

    /** The states of one class (a listener's, or an owner's for its ends), one per method; almost always one or two. */
    private static final class Slots {
        /** Whether the listener class is a dynamic proxy's: never cached. */
        final boolean proxy;

        private volatile State[] states = new State[0];

        Slots(boolean proxy) {
            this.proxy = proxy;
        }

        State state(int id) {
            for (State s : states) {
                if (s.id == id) {
                    return s;
                }
            }
            synchronized (this) {
                for (State s : states) {
                    if (s.id == id) {
                        return s;
                    }
                }
                State[] grown = java.util.Arrays.copyOf(states, states.length + 1);
                State created = new State(id);
                grown[grown.length - 1] = created;
                states = grown;
                return created;
            }
        }
    }

    /** Whether one (method, class) key always registers, or ends, from the same place. */
    private static final class State {
        final int id;
        volatile Site stable;
        int calls; // racy on purpose: it only spaces out re-checks
        private Site first;
        private int agreeing;
        private boolean varies;

        State(int id) {
            this.id = id;
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
