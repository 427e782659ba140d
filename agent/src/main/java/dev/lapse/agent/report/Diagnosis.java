package dev.lapse.agent.report;

import dev.lapse.agent.report.model.Jvm;
import dev.lapse.agent.report.model.Report;
import dev.lapse.agent.report.model.ReportStats;
import java.util.Optional;

/**
 * Why a report found nothing: how many registrations are alive and unjudged, how many owners ended and were
 * collected, and the most likely reason, with the troubleshooting section that says what to do. Decided from the
 * report's counters alone, so that a merged report explains itself as one JVM's does.
 *
 * @param reason the most likely reason nothing was reported
 * @param count how many registrations or findings the reason speaks of; 0 for a reason that counts nothing
 * @param unjudged live registrations that no end of life covers ({@link ReportStats#unjudged()})
 * @param endedCollected owners collected after their life ended ({@link ReportStats#endedCollected()})
 */
public record Diagnosis(Reason reason, long count, long unjudged, long endedCollected) {
    /** The reasons, most telling first: the first that applies is the one given. */
    public enum Reason {
        /** Attached to a running JVM, and nothing seen, or no end of life: what leaks was registered before. */
        ATTACHED_LATE("docs/troubleshooting.md#the-registrations-were-made-before-the-attach"),
        /** No registration seen at all. */
        NOTHING_RECOGNISED("docs/troubleshooting.md#the-registration-api-is-not-recognised"),
        /** Findings there were, left out by known-registration rules. */
        SUPPRESSED("docs/recognised.md#known-and-intended-registrations"),
        /** Ended owners wait for a full collection that option {@code gc=false} keeps Lapse from forcing. */
        GC_OFF("docs/troubleshooting.md#no-full-collection"),
        /** Ended owners wait for a full collection that {@code -XX:+DisableExplicitGC} keeps Lapse from forcing. */
        EXPLICIT_GC_DISABLED("docs/troubleshooting.md#no-full-collection"),
        /** Ended owners wait for a full collection that did not come. */
        NO_FULL_GC("docs/troubleshooting.md#no-full-collection"),
        /** The walk ran out of budget before it could decide. */
        WALK_BUDGET("docs/troubleshooting.md#options-that-widen-it"),
        /** Registrations were dropped at the {@code maxTracked} cap. */
        DROPPED("docs/troubleshooting.md#options-that-widen-it"),
        /** Registrations were seen, and no owner's life ended. */
        NO_END_OF_LIFE("docs/troubleshooting.md#no-end-of-life-was-seen"),
        /** Owners ended, and their subjects no longer hold their listeners. */
        NOT_HELD("docs/troubleshooting.md#the-registration-is-not-what-keeps-it"),
        /** Owners ended and let go of their listeners, or were collected: nothing leaked. */
        LET_GO("docs/troubleshooting.md");

        /** Where the docs say more, from the repository's root. */
        public final String see;

        Reason(String see) {
            this.see = see;
        }
    }

    /** Why {@code report} found nothing; empty when it found something. */
    public static Optional<Diagnosis> of(Report report) {
        ReportStats s = report.stats();
        if (s.findings() > 0) {
            return Optional.empty();
        }
        boolean attached = report.origin() instanceof Jvm jvm && "attach".equals(jvm.mode());
        Reason reason;
        long count = 0;
        if (attached && (s.registrationsSeen() == 0 || s.endOfLifeSignals() == 0)) {
            reason = Reason.ATTACHED_LATE;
        } else if (s.registrationsSeen() == 0) {
            reason = Reason.NOTHING_RECOGNISED;
        } else if (s.suppressed() > 0) {
            reason = Reason.SUPPRESSED;
            count = s.suppressed();
        } else if (s.awaitingFullGc() > 0) {
            reason = "false".equals(report.options().get("gc"))
                    ? Reason.GC_OFF
                    : report.gc().explicitGcDisabled() ? Reason.EXPLICIT_GC_DISABLED : Reason.NO_FULL_GC;
            count = s.awaitingFullGc();
        } else if (s.undecided() > 0) {
            reason = Reason.WALK_BUDGET;
            count = s.undecided();
        } else if (s.dropped() > 0) {
            reason = Reason.DROPPED;
            count = s.dropped();
        } else if (s.endOfLifeSignals() == 0) {
            reason = Reason.NO_END_OF_LIFE;
        } else if (s.notHeld() > 0) {
            reason = Reason.NOT_HELD;
            count = s.notHeld();
        } else {
            reason = Reason.LET_GO;
        }
        return Optional.of(new Diagnosis(reason, count, s.unjudged(), s.endedCollected()));
    }

    /**
     * One line: {@code Alive and unjudged 21, ended and collected 0. Most likely ... See docs/troubleshooting.md#...}
     */
    public String line() {
        return "Alive and unjudged " + unjudged + ", ended and collected " + endedCollected + ". " + because() + " See "
                + reason.see + ".";
    }

    private String because() {
        return switch (reason) {
            case ATTACHED_LATE ->
                "Most likely what leaks was registered before Lapse was attached, and it knows only"
                        + " what came after: repeat what leaks, then ask for a report.";
            case NOTHING_RECOGNISED ->
                "Lapse saw no registration: most likely the program's add methods are not"
                        + " ones it recognises, or their classes are excluded.";
            case SUPPRESSED ->
                "Most likely the findings were left out on purpose: " + count
                        + " suppressed by the known-registration rules the notes name.";
            case GC_OFF ->
                "Most likely the owners that ended wait for a full collection, which option gc=false"
                        + " keeps Lapse from forcing: " + registrations() + " of theirs await one.";
            case EXPLICIT_GC_DISABLED ->
                "Most likely the owners that ended wait for a full collection, which"
                        + " -XX:+DisableExplicitGC keeps Lapse from forcing: " + registrations()
                        + " of theirs await one.";
            case NO_FULL_GC ->
                "Most likely the owners that ended wait for a full collection that did not come: " + registrations()
                        + " of theirs await one.";
            case WALK_BUDGET ->
                "Most likely the walk ran out of budget before it could decide " + registrations()
                        + " of ended owners: raise walkLimit or walkTimeout.";
            case DROPPED ->
                "Most likely the leak is among the " + registrations() + " not tracked, past the maxTracked cap.";
            case NO_END_OF_LIFE ->
                "Most likely no owner's life ended as Lapse sees it: name the method that ends"
                        + " it with option lifecycle (e.g. lifecycle=teardown), or call Lapse.expectCollected(owner, why).";
            case NOT_HELD ->
                "Most likely what keeps an ended owner alive, if anything, is not a registration: the" + " subjects of "
                        + registrations() + " of ended owners no longer hold their listeners.";
            case LET_GO ->
                "Most likely nothing leaked: every owner that ended let go of its listeners or was" + " collected.";
        };
    }

    /** {@code 1 registration}, {@code 3 registrations}: the count the reason speaks of. */
    private String registrations() {
        return count + (count == 1 ? " registration" : " registrations");
    }
}
