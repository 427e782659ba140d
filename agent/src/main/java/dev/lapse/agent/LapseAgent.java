package dev.lapse.agent;

import dev.lapse.agent.cli.Cli;
import dev.lapse.agent.config.OptionException;
import dev.lapse.agent.log.LapseLogger;
import dev.lapse.agent.runtime.BootstrapInjector;
import dev.lapse.agent.runtime.LapseRuntime;
import dev.lapse.agent.runtime.Startup;
import java.lang.instrument.Instrumentation;

/**
 * Entry points only: {@code premain} for {@code -javaagent}, {@code agentmain} for attaching, {@code main} for
 * the command line. Holds no state. The hook is defined in the bootstrap class loader before any class that uses
 * it is loaded, which is why the runtime is reached only after {@link BootstrapInjector#inject}, and why the
 * options, rules and report directory are checked ({@link Startup}) before that.
 *
 * <p>Neither agent entry point throws: a {@code premain} that throws makes the JVM abort with a native crash
 * report (exit status 134) and an {@code agentmain} that throws prints a stack trace and four lines of the
 * instrument library's assertions into the target's standard error. A start that is refused is one line.
 */
public final class LapseAgent {
    /** Where a refused start leaves its line in the JVM's system properties, for {@code attach} to read back. */
    public static final String REFUSED_PROPERTY = "dev.lapse.agent.refused";

    private LapseAgent() {}

    /**
     * {@code -javaagent:lapse-agent.jar[=options]}: a bad option, rules file or report directory stops the JVM
     * with one line naming it and exit status 1, before the application runs.
     */
    public static void premain(String args, Instrumentation inst) {
        if (!start(args, inst, false)) {
            // the line is all the user sees: System.exit prints nothing more on JDK 17 and 25 (checked), and
            // unlike halt it lets agents that started before this one finish (JaCoCo writes its data at exit)
            System.exit(1);
        }
    }

    /**
     * Loaded into a running JVM: a refused start leaves that JVM running as it was, prints the line on its
     * standard error and leaves it in {@link #REFUSED_PROPERTY} for the attach command.
     */
    public static void agentmain(String args, Instrumentation inst) {
        start(args, inst, true);
    }

    /** {@code java -jar lapse-agent.jar [COMMAND ...]}: the command line. */
    public static void main(String[] args) {
        int exit = Cli.standard().run(args, System.out, System.err);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** Starts the agent; returns whether it started, or else says why in one line. */
    private static boolean start(String args, Instrumentation inst, boolean attached) {
        System.clearProperty(REFUSED_PROPERTY);
        Startup startup;
        try {
            startup = Startup.check(args);
        } catch (OptionException e) {
            return refused(e.getMessage(), null);
        }
        try {
            LapseLogger.setLevel(startup.options().log());
            BootstrapInjector.inject(inst);
            LapseRuntime.start(startup, inst, attached);
            return true;
        } catch (Exception | LinkageError e) {
            return refused("could not start: " + e, e); // a bug, not a user's mistake: its trace follows
        }
    }

    private static boolean refused(String problem, Throwable bug) {
        System.err.println("[lapse] ERROR " + problem);
        if (bug != null) {
            bug.printStackTrace();
        }
        System.setProperty(REFUSED_PROPERTY, problem);
        return false;
    }
}
