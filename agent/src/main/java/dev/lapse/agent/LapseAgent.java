package dev.lapse.agent;

import dev.lapse.agent.cli.Cli;
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
    private LapseAgent() {}

    /** {@code -javaagent:lapse-agent.jar[=options]}: a bad option stops the JVM with a message naming it. */
    public static void premain(String args, Instrumentation inst) throws Exception {
        start(args, inst, false);
    }

    /** Loaded into a running JVM. */
    public static void agentmain(String args, Instrumentation inst) throws Exception {
        start(args, inst, true);
    }

    /** {@code java -jar lapse-agent.jar [COMMAND ...]}: the command line. */
    public static void main(String[] args) {
        int exit = Cli.standard().run(args, System.out, System.err);
        if (exit != 0) {
            System.exit(exit);
        }
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
