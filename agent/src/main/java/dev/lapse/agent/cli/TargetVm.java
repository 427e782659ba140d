package dev.lapse.agent.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import dev.lapse.agent.LapseAgent;
import dev.lapse.agent.control.LapseControl;
import dev.lapse.agent.runtime.LapseRuntime;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import javax.management.JMException;
import javax.management.MBeanException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A JVM the command line attached to, with every way that can fail turned into one clear sentence: no such
 * process, not a JVM, another user's, too old, a runtime without the attach module, a target that refuses
 * dynamic agents. Talks to a loaded agent through its MBean over the JDK's local management connector.
 */
final class TargetVm implements AutoCloseable {
    private final long pid;
    private final VirtualMachine vm;
    private JMXConnector connector;

    private TargetVm(long pid, VirtualMachine vm) {
        this.pid = pid;
        this.vm = vm;
    }

    /** Attaches to the JVM with process id {@code pidText}. */
    static TargetVm attach(String pidText) throws CommandException {
        long pid = parsePid(pidText);
        if (pid == ProcessHandle.current().pid()) {
            throw new CommandException("pid " + pid + " is this command itself");
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty()) {
            throw new CommandException("no process with pid " + pid);
        }
        String me = System.getProperty("user.name");
        Optional<String> owner = process.get().info().user();
        if (owner.isPresent() && me != null && !owner.get().equals(me)) {
            throw new CommandException("pid " + pid + " belongs to user " + owner.get() + ", not " + me
                    + ": the attach mechanism only connects processes of the same user; run this as "
                    + owner.get());
        }
        try {
            return new TargetVm(pid, VirtualMachine.attach(Long.toString(pid)));
        } catch (AttachNotSupportedException e) {
            throw new CommandException("pid " + pid + " is not a Java VM that accepts attach ("
                    + process.get().info().command().orElse("unknown command") + "): " + e.getMessage());
        } catch (IOException e) {
            throw new CommandException("could not attach to pid " + pid + ": " + e.getMessage());
        } catch (NoClassDefFoundError e) {
            throw noAttachModule();
        }
    }

    static CommandException noAttachModule() {
        return new CommandException("this Java runtime has no jdk.attach module: run the command with a JDK's"
                + " java (" + System.getProperty("java.home") + " is a JRE or a jlinked image)");
    }

    static long parsePid(String text) throws CommandException {
        try {
            long pid = Long.parseLong(text);
            if (pid > 0) {
                return pid;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new CommandException("'" + text + "' is not a process id");
    }

    long pid() {
        return pid;
    }

    Properties systemProperties() throws CommandException {
        try {
            return vm.getSystemProperties();
        } catch (IOException e) {
            throw new CommandException("could not read the system properties of pid " + pid + ": " + e.getMessage());
        }
    }

    /** The feature version the target runs: 17, 21, 25, ... */
    int javaFeatureVersion() throws CommandException {
        String spec = systemProperties().getProperty("java.specification.version", "0");
        try {
            return spec.startsWith("1.") ? Integer.parseInt(spec.substring(2)) : Integer.parseInt(spec);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The version of the Lapse agent running in the target, if one runs. */
    Optional<String> lapseVersion() throws CommandException {
        return Optional.ofNullable(systemProperties().getProperty(LapseRuntime.VERSION_PROPERTY));
    }

    /** The line with which the agent last refused to start in the target, if it did. */
    Optional<String> lapseRefusal() throws CommandException {
        return Optional.ofNullable(systemProperties().getProperty(LapseAgent.REFUSED_PROPERTY));
    }

    /** The running agent's report directory, as the target resolved it. */
    String lapseReportDirectory() throws CommandException {
        return systemProperties().getProperty(LapseRuntime.OUT_PROPERTY, "?");
    }

    /** Loads {@code agentJar} with {@code options}, after checking the target can take it. */
    void loadAgent(Path agentJar, String options) throws CommandException {
        int version = javaFeatureVersion();
        if (version < 17) {
            throw new CommandException("pid " + pid + " runs Java " + version + "; Lapse needs Java 17 or newer");
        }
        if (version >= 21 && !dynamicAgentLoadingEnabled()) {
            throw refusesDynamicAgents(version);
        }
        try {
            vm.loadAgent(agentJar.toString(), options);
        } catch (AgentInitializationException e) {
            throw new CommandException("the agent did not start in pid " + pid + " (its standard error says why,"
                    + " for example a bad option): " + e.getMessage());
        } catch (AgentLoadException | IOException e) {
            if (version >= 21) {
                throw refusesDynamicAgents(version);
            }
            throw new CommandException("pid " + pid + " did not load the agent: " + e.getMessage());
        }
    }

    private CommandException refusesDynamicAgents(int version) {
        return new CommandException("pid " + pid + " (Java " + version + ") refuses agents loaded into a running"
                + " JVM: start it with -XX:+EnableDynamicAgentLoading (JEP 451), or with -javaagent");
    }

    private boolean dynamicAgentLoadingEnabled() {
        try {
            ObjectName diagnostic = new ObjectName("com.sun.management:type=HotSpotDiagnostic");
            Object option = jmx().invoke(
                            diagnostic, "getVMOption", new Object[] {"EnableDynamicAgentLoading"}, new String[] {
                                String.class.getName()
                            });
            return !(option instanceof javax.management.openmbean.CompositeData)
                    || !"false".equals(((javax.management.openmbean.CompositeData) option).get("value"));
        } catch (JMException | IOException e) {
            return true; // cannot tell: let the load attempt decide
        }
    }

    /**
     * Invokes an operation of the running agent's MBean; its exception's message becomes the error. An agent
     * registers its MBean a moment after it starts (LapseControl), so a JVM that has just started is waited for.
     */
    String invokeLapse(String operation, Object... args) throws CommandException {
        String[] signature = new String[args.length];
        java.util.Arrays.fill(signature, String.class.getName());
        try {
            ObjectName lapse = new ObjectName(LapseControl.NAME);
            awaitRegistered(lapse);
            return (String) jmx().invoke(lapse, operation, args, signature);
        } catch (MBeanException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new CommandException("pid " + pid + ": " + cause.getMessage());
        } catch (JMException | IOException e) {
            throw new CommandException("could not reach Lapse in pid " + pid + " over JMX: " + e);
        }
    }

    private void awaitRegistered(ObjectName lapse) throws IOException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (!jmx().isRegistered(lapse) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private MBeanServerConnection jmx() throws IOException {
        if (connector == null) {
            String address = vm.startLocalManagementAgent();
            connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
        }
        return connector.getMBeanServerConnection();
    }

    @Override
    public void close() {
        try {
            if (connector != null) {
                connector.close();
            }
        } catch (IOException e) {
            // closing a connection to a JVM that may have gone
        }
        try {
            vm.detach();
        } catch (IOException e) {
            // as above
        }
    }

    /** Whether the command line itself runs on a JDK with the attach module. */
    static boolean attachAvailable() {
        return ModuleLayer.boot().findModule("jdk.attach").isPresent();
    }
}
