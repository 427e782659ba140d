package dev.lapse.agent.report;

import dev.lapse.agent.report.model.Frame;
import dev.lapse.agent.report.model.Group;
import dev.lapse.agent.report.model.Report;
import java.util.List;
import jdk.jfr.FlightRecorder;
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
        if (!available || report.groups().isEmpty()) {
            return;
        }
        try {
            if (!FlightRecorder.isInitialized()) {
                return; // no recording was ever started: defining the event class would cost 0.1 s for nothing
            }
            for (Group g : report.groups()) {
                LapsedListenerEvent e = new LapsedListenerEvent();
                if (!e.isEnabled()) {
                    return;
                }
                List<Frame> site = g.registration().site();
                e.signal = g.signal().wireName();
                e.count = g.count();
                e.ownerClass = g.owner().className();
                e.ownerRelation = g.owner().relation().wireName();
                e.subjectClass = g.subject().className();
                e.listenerClass = g.listener().className();
                e.registrationMethod = g.registration().method();
                e.registrationSite = site.isEmpty() ? null : TextReportWriter.frame(site.get(0));
                e.endOfLife = g.endOfLife().description();
                e.recommendation = g.fix().summary();
                e.signature = g.signature();
                e.commit();
            }
        } catch (LinkageError noJfr) {
            available = false;
            LOG.debug("no JFR events: {}", noJfr.toString());
        }
    }
}
