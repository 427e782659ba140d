package dev.lapse.agent;

import dev.lapse.agent.config.AgentOptions;
import dev.lapse.agent.config.OptionException;
import dev.lapse.agent.log.LapseLogger;
import dev.lapse.agent.runtime.BootstrapInjector;
import dev.lapse.agent.runtime.LapseRuntime;
import java.lang.instrument.Instrumentation;

/**
 * Entry points only: {@code premain} for {@code -javaagent}, {@code agentmain} for attaching, {@code main} for
 * the command line. Holds no state. The hook goes on the bootstrap class path before any class that uses it
 * is loaded, which is why the runtime is reached only after {@link BootstrapInjector#inject}.
 */
public final class LapseAgent {
    private LapseAgent() {
    }

    /** {@code -javaagent:lapse-agent.jar[=options]}: a bad option stops the JVM with a message naming it. */
    public static void premain(String args, Instrumentation inst) throws Exception {
        start(args, inst, false);
    }

    /** Loaded into a running JVM. */
    public static void agentmain(String args, Instrumentation inst) throws Exception {
        start(args, inst, true);
    }

    /** {@code java -jar lapse-agent.jar}: explains how to use the agent. */
    public static void main(String[] args) {
        System.out.println("Lapse finds lapsed listeners. Run your program with\n"
                + "  java -javaagent:lapse-agent.jar[=out=DIR,...] -jar your-app.jar\n"
                + "and read DIR/lapse-report.txt (default DIR: ./lapse-report). See README.md for the options.");
    }

    private static void start(String args, Instrumentation inst, boolean attached) throws Exception {
        AgentOptions options;
        try {
            options = AgentOptions.parse(args);
        } catch (OptionException e) {
            System.err.println("[lapse] ERROR " + e.getMessage());
            throw e;
        }
        LapseLogger.setLevel(options.log());
        BootstrapInjector.inject(inst);
        LapseRuntime.start(options, inst, attached);
    }
}
