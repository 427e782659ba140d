package dev.lapse.agent.control;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** The {@link LapseControlMBean} of one running agent. */
public final class LapseControl implements LapseControlMBean {
    /** {@code dev.lapse:type=Lapse}. */
    public static final String NAME = "dev.lapse:type=Lapse";

    private final Controlled agent;

    private LapseControl(Controlled agent) {
        this.agent = agent;
    }

    /** Registers the MBean, replacing one left by an earlier agent that was stopped. */
    public static void register(Controlled agent) throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName(NAME);
        if (server.isRegistered(name)) {
            server.unregisterMBean(name);
        }
        server.registerMBean(new LapseControl(agent), name);
    }

    /** Removes the MBean, if registered. */
    public static void unregister() throws JMException {
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
