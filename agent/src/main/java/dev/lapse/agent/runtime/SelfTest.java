package dev.lapse.agent.runtime;

import java.beans.PropertyChangeListener;
import java.beans.PropertyChangeSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After installing, makes one registration on a known instrumented JDK API and checks that it reached the
 * sink; otherwise says so in words a user can act on. A JVM without the {@code java.desktop} module skips it.
 */
final class SelfTest {
    private static final Logger LOG = LoggerFactory.getLogger(SelfTest.class);

    private SelfTest() {}

    /** Returns whether the probe registration was seen. */
    static boolean run(TrackingSink sink) {
        try {
            PropertyChangeSupport support = new PropertyChangeSupport(new Object());
            PropertyChangeListener probe = event -> {};
            sink.expectProbe(probe);
            support.addPropertyChangeListener(probe);
            support.removePropertyChangeListener(probe);
            boolean seen = sink.probeSeen();
            sink.expectProbe(null);
            if (!seen) {
                LOG.warn("self-test failed: a registration on java.beans.PropertyChangeSupport did not reach the"
                        + " agent. Another agent may have transformed it first, or retransformation is disabled;"
                        + " findings on JDK APIs will be missing.");
            }
            return seen;
        } catch (LinkageError noDesktopModule) {
            LOG.debug("self-test skipped: java.desktop is not in this runtime");
            return true;
        }
    }
}
