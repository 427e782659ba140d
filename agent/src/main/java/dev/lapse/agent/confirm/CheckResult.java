package dev.lapse.agent.confirm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What one check found, what it could not decide, and what it decided the tracker must record.
 *
 * @param gcForced           whether the check asked for a full collection
 * @param gcHappened         whether a full collection happened during the check
 * @param explicitGcDisabled whether {@code -XX:+DisableExplicitGC} is set, looked up only when the check had something
 *                           to judge by a collection (an ended owner, a lost listener, a removal claim); else
 *                           {@code false}
 * @param candidates         ended owners with registrations left, before confirmation
 * @param awaitingGc         registrations of ended owners not confirmed because no full collection happened since the
 *                           signal
 * @param stillEnding        registrations of ended owners, and removal claims, not judged because the teardown that
 *                           ended them, or made the removal, was still
 *                           running on another thread ({@code endingThreads} names those threads, sorted)
 * @param notHeld            registrations of ended owners that the subject no longer holds (nothing leaks through them)
 * @param undecided          registrations the walk could not decide within its budget
 * @param unjudged           live registrations the check could not judge: no end of life covers them, so nothing said
 *                           their owners should be dead
 * @param visited            objects the reference walk visited
 * @param sizesExtrapolated  findings of more registrations than {@link Checker#RETAINED_SAMPLE} whose retained
 *                           size was walked for that many owners and extrapolated to the others
 * @param suppressed         findings left out by a known-registration rule: how many per rule ({@code reason (origin)})
 * @param decisions          what the check decided that the tracker must record; the runtime applies it
 */
public record CheckResult(
        List<Finding> findings,
        boolean gcForced,
        boolean gcHappened,
        boolean explicitGcDisabled,
        int candidates,
        int awaitingGc,
        int stillEnding,
        List<String> endingThreads,
        int notHeld,
        int undecided,
        int unjudged,
        int visited,
        int sizesExtrapolated,
        long durationMillis,
        Map<String, Integer> suppressed,
        Decisions decisions) {
    public CheckResult {
        findings = List.copyOf(findings);
        endingThreads = List.copyOf(endingThreads);
        suppressed = Collections.unmodifiableMap(new LinkedHashMap<>(suppressed));
    }

    /** What a check finds when no registration was ever seen: nothing to judge, so no phase of it runs. */
    public static CheckResult nothingSeen() {
        return new CheckResult(
                List.of(), false, false, false, 0, 0, 0, List.of(), 0, 0, 0, 0, 0, 0, Map.of(), Decisions.NONE);
    }

    /** How many findings known-registration rules left out. */
    public int suppressedCount() {
        int n = 0;
        for (int c : suppressed.values()) {
            n += c;
        }
        return n;
    }

    /** The same result with only the findings {@code keep} accepts. */
    public CheckResult only(Predicate<Finding> keep) {
        List<Finding> kept = new ArrayList<>();
        for (Finding f : findings) {
            if (keep.test(f)) {
                kept.add(f);
            }
        }
        return new CheckResult(
                kept,
                gcForced,
                gcHappened,
                explicitGcDisabled,
                candidates,
                awaitingGc,
                stillEnding,
                endingThreads,
                notHeld,
                undecided,
                unjudged,
                visited,
                sizesExtrapolated,
                durationMillis,
                suppressed,
                decisions);
    }
}
