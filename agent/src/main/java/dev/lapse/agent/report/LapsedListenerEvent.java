package dev.lapse.agent.report;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * One confirmed finding group as a JFR event, recorded whenever a recording runs, so JDK Mission Control and
 * JFR streaming see lapsed listeners beside GC and allocation events. The fields are the ones a user filters
 * on; the stack of the reporting thread says nothing, so none is recorded.
 */
@Name(LapsedListenerEvent.NAME)
@Label("Lapsed Listener")
@Category({"Lapse"})
@Description("A listener registration keeps an owner alive after the owner's end of life, confirmed after a full"
        + " collection")
@StackTrace(false)
final class LapsedListenerEvent extends Event {
    static final String NAME = "dev.lapse.LapsedListener";

    @Label("Signal")
    @Description("Why the owner should be dead: lifecycle-end, explicit, ...")
    String signal;

    @Label("Findings")
    @Description("Lapsed registrations with this signature")
    long count;

    @Label("Owner Class")
    String ownerClass;

    @Label("Owner Relation")
    @Description("self, enclosing-instance, captured, registered-by, weak-delegate or weakly-held")
    String ownerRelation;

    @Label("Subject Class")
    String subjectClass;

    @Label("Listener Class")
    String listenerClass;

    @Label("Registration Method")
    String registrationMethod;

    @Label("Registration Site")
    @Description("The application frame that registered, Class.method (File.java:line)")
    String registrationSite;

    @Label("End of Life")
    String endOfLife;

    @Label("Fix")
    String recommendation;

    @Label("Signature")
    String signature;
}
