package dev.lapse.agent.runtime;

import dev.lapse.agent.bootstrap.LapseHook;
import dev.lapse.agent.track.Stats;
import dev.lapse.agent.track.Tracker;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the hook calls. Every failure is counted and the first one logged; none reaches the application.
 * A probe listener set by the {@link SelfTest} is recognised by identity and not tracked.
 */
final class TrackingSink implements LapseHook.Sink {
    private static final Logger LOG = LoggerFactory.getLogger(TrackingSink.class);

    private final Tracker tracker;
    private final Stats stats;
    private final Supplier<Object> reporter;
    private final ScopeChecker scopes;
    private final Consumer<String> lateClasses;
    private volatile Object probe;
    private volatile boolean probeSeen;

    TrackingSink(Tracker tracker, Supplier<Object> reporter, ScopeChecker scopes, Consumer<String> lateClasses) {
        this.tracker = tracker;
        this.stats = tracker.stats();
        this.reporter = reporter;
        this.scopes = scopes;
        this.lateClasses = lateClasses;
    }

    /** Checks the registrations of one scope; see {@link LapseHook.Sink#checkScope}. */
    interface ScopeChecker {
        String check(String scope, boolean nested, Object root, String signals, boolean defer);
    }

    @Override
    public void added(
            int apiId, Object subject, Object listener, Object handle, int siteId, Object caller, Object[] inner) {
        try {
            if (listener == probe) {
                probeSeen = true;
                return;
            }
            tracker.added(apiId, subject, listener, LapseHook.currentScope(), handle, siteId, caller, inner);
        } catch (Throwable t) {
            failed("registration", t);
        }
    }

    @Override
    public void instrumentLate(String className) {
        try {
            lateClasses.accept(className);
        } catch (Throwable t) {
            failed("late instrumentation", t);
        }
    }

    @Override
    public void removed(int apiId, Object subject, Object listener) {
        try {
            tracker.removed(apiId, subject, listener);
        } catch (Throwable t) {
            failed("removal", t);
        }
    }

    @Override
    public void ended(int methodId, Object owner) {
        try {
            tracker.ended(methodId, owner);
        } catch (Throwable t) {
            failed("lifecycle end", t);
        }
    }

    @Override
    public void expectCollected(Object owner, String reason) {
        try {
            tracker.expectCollected(owner, reason);
        } catch (Throwable t) {
            failed("expectCollected", t);
        }
    }

    @Override
    public Object writeReport() {
        try {
            return reporter.get();
        } catch (Throwable t) {
            failed("writeReport", t);
            return null;
        }
    }

    @Override
    public void scopeEnded(String scope, String description) {
        try {
            tracker.scopeEnded(scope, description);
        } catch (Throwable t) {
            failed("scope end", t);
        }
    }

    @Override
    public String checkScope(String scope, boolean nested, Object root, String signals, boolean defer) {
        try {
            return scopes.check(scope, nested, root, signals, defer);
        } catch (Throwable t) {
            failed("scope check", t);
            return null;
        }
    }

    /** Sets the object whose registration proves that instrumentation reaches this sink. */
    void expectProbe(Object listener) {
        probeSeen = false;
        probe = listener;
    }

    boolean probeSeen() {
        return probeSeen;
    }

    private void failed(String what, Throwable t) {
        if (stats.hookFailed()) {
            LOG.warn("a {} hook failed; the application is unaffected, later failures are only counted", what, t);
        }
    }
}
