package dev.lapse.agent.report.model;

/**
 * A report's counters. A merge adds each of its reports' counters, except {@code groups}, which it counts again,
 * and {@code checkMillis}, which a merge has none of (and does not write).
 *
 * @param registrationsSeen registrations the hook saw
 * @param tracked registrations tracked at the report's time
 * @param dropped registrations not tracked because the {@code maxTracked} cap was reached
 * @param removed registrations undone
 * @param endOfLifeSignals end-of-life signals recorded
 * @param endedCollected owners collected after their life ended while still registered: registrations that kept
 *     nothing alive
 * @param candidates ended owners with registrations left, before confirmation
 * @param awaitingFullGc registrations of ended owners not confirmed because no full collection came after the signal
 * @param notHeld registrations of ended owners that the subject no longer holds
 * @param undecided registrations the walk could not decide within its budget
 * @param unjudged live registrations that no end of life covers, so that the check could not judge them
 * @param findings lapsed listeners found, an accumulation counting every registration it stands for
 * @param suppressed findings left out by a known-registration rule
 * @param groups finding groups
 * @param hookErrors hook failures swallowed
 * @param instrumentedMethods registration, removal, lifecycle and handle methods whose class was transformed
 * @param transformErrors classes that could not be planned or transformed
 * @param walkVisited objects the reference walk visited
 * @param checkMillis how long the check took
 */
public record ReportStats(
        long registrationsSeen,
        long tracked,
        long dropped,
        long removed,
        long endOfLifeSignals,
        long endedCollected,
        long candidates,
        long awaitingFullGc,
        long notHeld,
        long undecided,
        long unjudged,
        long findings,
        long suppressed,
        long groups,
        long hookErrors,
        long instrumentedMethods,
        long transformErrors,
        long walkVisited,
        long checkMillis) {}
