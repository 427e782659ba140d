package dev.lapse.agent.runtime;

import dev.lapse.agent.config.AgentOptions;
import dev.lapse.agent.config.Suppressions;
import dev.lapse.agent.confirm.CheckResult;
import dev.lapse.agent.confirm.Checker;
import dev.lapse.agent.confirm.Decisions;
import dev.lapse.agent.confirm.GcProbe;
import dev.lapse.agent.instrument.ApiCatalog;
import dev.lapse.agent.track.OwnerResolver;
import dev.lapse.agent.track.Registration;
import dev.lapse.agent.track.Tracker;
import java.util.function.Predicate;

/**
 * Runs the checker's phases and applies what each decided to the tracker. The check only reads the tracker, so this
 * is where its decisions are recorded, in the order they are needed: a detached subject before the collection that
 * confirms it, the scope of what a scope check reported after that check.
 */
final class CheckRunner {
    private final Tracker tracker;
    private final Checker checker;
    private final boolean gc;

    CheckRunner(
            Tracker tracker,
            ApiCatalog catalog,
            OwnerResolver owners,
            GcProbe gcProbe,
            AgentOptions options,
            Suppressions suppressions) {
        this.tracker = tracker;
        this.checker = new Checker(
                tracker,
                catalog,
                owners,
                gcProbe,
                options.walkLimit(),
                options.walkTimeout(),
                suppressions,
                options.accumulation(),
                options.accumulationWindow());
        this.gc = options.gc();
    }

    /**
     * A check of every registration, for the JVM's report. A run that never registered anything has nothing to judge:
     * none of the check's phases runs (they would cost the exit of a JVM that uses no registration API some
     * milliseconds of class loading), nor a collection.
     */
    CheckResult all() {
        if (tracker.stats().seen() == 0) {
            return CheckResult.nothingSeen();
        }
        apply(checker.detachedSubjects());
        return applied(checker.check(gc));
    }

    /** A check of the registrations {@code which} accepts, for a scope (see {@link Checker#check}). */
    CheckResult scope(Predicate<Registration> which, Object root, boolean defer) {
        if (tracker.stats().seen() == 0) {
            return CheckResult.nothingSeen();
        }
        return applied(checker.check(gc, which, root, defer));
    }

    private CheckResult applied(CheckResult check) {
        apply(check.decisions());
        return check;
    }

    private void apply(Decisions decisions) {
        for (Decisions.Detachment d : decisions.detached()) {
            tracker.subjectDetached(d.owner(), d.left());
        }
        for (Registration r : decisions.scopeReported()) {
            r.scopeReported();
        }
        tracker.removalClaimsSettled(decisions.claimsSettled());
    }
}
