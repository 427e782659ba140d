package dev.lapse.agent.report;

import dev.lapse.agent.confirm.Finding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes a report's finding groups as {@code dev.lapse.LapsedListener} JFR events. */
public final class JfrEvents {
    private static final Logger LOG = LoggerFactory.getLogger(JfrEvents.class);
    /** Cleared when this runtime has no {@code jdk.jfr} module (a jlinked image without it). */
    private static volatile boolean available = true;

    private JfrEvents() {}

    /** One event per group, when a recording has the event enabled; never fails the report. */
    public static void emit(Report report) {
        if (!available || report.groups.isEmpty()) {
            return;
        }
        try {
            for (FindingGroup g : report.groups) {
                LapsedListenerEvent e = new LapsedListenerEvent();
                if (!e.isEnabled()) {
                    return;
                }
                Finding f = g.example();
                StackTraceElement site = Names.topApplicationFrame(f.site);
                e.signal = f.end.signal().wireName();
                e.count = g.count();
                e.ownerClass = f.ownerClass;
                e.ownerRelation = f.relation.wireName();
                e.subjectClass = f.subjectClass;
                e.listenerClass = Names.stableClass(f.listenerClass);
                e.registrationMethod = f.api.display();
                e.registrationSite = site == null ? null : Names.frame(site);
                e.endOfLife = Story.end(f);
                e.recommendation = Recommendation.of(f).summary;
                e.signature = g.signature();
                e.commit();
            }
        } catch (LinkageError noJfr) {
            available = false;
            LOG.debug("no JFR events: {}", noJfr.toString());
        }
    }
}
