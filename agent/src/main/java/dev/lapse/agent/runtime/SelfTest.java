package dev.lapse.agent.runtime;

import java.beans.PropertyChangeListener;
import java.beans.PropertyChangeSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After installing, makes one registration on a known instrumented JDK API and checks that it reached the
 * sink; otherwise says so in words a user can act on. A JVM without the {@code java.desktop} module skips it, and
 * so does one whose application never loaded {@code PropertyChangeSupport}: the class is then instrumented when it
 * loads, like any other, and loading it (with the JDK's beans support and the instrumentation's own machinery) only
 * to test it would add tens of milliseconds to the exit of every JVM that uses no JDK registration API.
 */
final class SelfTest {
    private static final Logger LOG = LoggerFactory.getLogger(SelfTest.class);

    /** The class the probe registers on, which the installer watches for ({@code Installer#watchedLoaded}). */
    static final String PROBED = "java.beans.PropertyChangeSupport";

    private SelfTest() {}

    /**
     * Returns whether the probe registration was seen, or the probe was skipped.
     *
     * @param probedLoaded whether {@link #PROBED} is loaded
     */
    static boolean run(TrackingSink sink, boolean probedLoaded) {
        if (!probedLoaded) {
            LOG.debug("self-test skipped: {} was never loaded", PROBED);
            return true;
        }
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
