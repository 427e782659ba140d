package dev.lapse.agent.control;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link LapseControlMBean} of one running agent. */
public final class LapseControl implements LapseControlMBean {
    /** {@code dev.lapse:type=Lapse}. */
    public static final String NAME = "dev.lapse:type=Lapse";

    private final Controlled agent;

    private LapseControl(Controlled agent) {
        this.agent = agent;
    }

    /**
     * How long after start-up the MBean is registered. Registering creates the platform MBean server, which costs a
     * JVM 0.3 to 0.7 s of class loading (every platform bean, JFR's among them): a JVM that ends sooner (a test fork,
     * a command-line tool) never pays it, a longer one pays it once, off its main thread. Clients wait for it
     * ({@code TargetVm}).
     */
    static final long REGISTER_AFTER_MILLIS = 2_000;

    private static final Logger LOG = LoggerFactory.getLogger(LapseControl.class);

    /** The agent whose registration is pending or done; {@code null} once it stopped. */
    private static Controlled current;
    /** Whether this agent's MBean is in the platform server, so a stop before it got there touches no server. */
    private static boolean registered;

    /**
     * Registers the MBean on a daemon thread, {@link #REGISTER_AFTER_MILLIS} from now for an agent started with the
     * JVM and at once for one attached to it (whose JVM's start is long past), unless the agent stops first.
     */
    public static synchronized void registerSoon(Controlled agent) {
        current = agent;
        // a class, not a lambda: this runs in premain, where a lambda would be spun into a class of its own
        Thread t = new Thread("lapse-control") {
            @Override
            public void run() {
                try {
                    Thread.sleep(agent.attached() ? 0 : REGISTER_AFTER_MILLIS);
                    registerIfCurrent(agent);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        t.setDaemon(true);
        t.start();
    }

    private static synchronized void registerIfCurrent(Controlled agent) {
        if (current != agent) {
            return; // stopped in the meantime, perhaps started again with a registration of its own pending
        }
        try {
            register(agent);
        } catch (JMException | RuntimeException | LinkageError e) {
            LOG.warn("no MBean {}: {}", NAME, e.toString());
        }
    }

    /** Registers the MBean, replacing one left by an earlier agent that was stopped. */
    private static void register(Controlled agent) throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName(NAME);
        if (server.isRegistered(name)) {
            server.unregisterMBean(name);
        }
        server.registerMBean(new LapseControl(agent), name);
        registered = true;
    }

    /** Removes the MBean, if registered, or cancels its pending registration. */
    public static synchronized void unregister() throws JMException {
        current = null;
        if (!registered) {
            return;
        }
        registered = false;
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName(NAME);
        if (server.isRegistered(name)) {
            server.unregisterMBean(name);
        }
    }

    @Override
    public String getVersion() {
        return agent.version();
    }

    @Override
    public String getOptions() {
        return agent.options();
    }

    @Override
    public String getReportDirectory() {
        return agent.reportDirectory().toString();
    }

    @Override
    public String getMode() {
        return agent.attached() ? "attach" : "launch";
    }

    @Override
    public long getRegistrationsSeen() {
        return agent.stats().seen();
    }

    @Override
    public long getTracked() {
        return agent.stats().tracked();
    }

    @Override
    public long getRemoved() {
        return agent.stats().removed();
    }

    @Override
    public long getDropped() {
        return agent.stats().dropped();
    }

    @Override
    public long getEndOfLifeSignals() {
        return agent.stats().signals();
    }

    @Override
    public long getHookErrors() {
        return agent.stats().hookErrors();
    }

    @Override
    public String getLastSummary() {
        return agent.lastSummary();
    }

    @Override
    public String writeReport() {
        return report(agent.reportDirectory());
    }

    @Override
    public String writeReportTo(String directory) {
        if (directory == null || directory.isBlank()) {
            throw new IllegalArgumentException("no directory given");
        }
        return report(Paths.get(directory).toAbsolutePath());
    }

    private String report(Path dir) {
        Path text = agent.writeReport(dir);
        if (text == null) {
            throw new IllegalStateException("the report could not be written to " + dir + " (see the JVM's log)");
        }
        return agent.lastSummary() + "\nReport: " + text;
    }

    @Override
    public String stop() {
        agent.stop();
        return "Lapse stopped: instrumentation removed, tracking ended.";
    }
}
