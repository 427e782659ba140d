package dev.lapse.agent.cli;

import java.io.PrintStream;
import java.util.List;

/** One sub-command of {@code java -jar lapse-agent.jar}. */
public interface Command {
    /** The word that selects it: {@code attach}, {@code merge}, ... */
    String name();

    /** One usage line, e.g. {@code attach <pid> [options]}. */
    String usage();

    /** One sentence on what it does. */
    String summary();

    /**
     * Runs the command.
     *
     * @return the process exit code: 0 for success, non-zero with one clear line on {@code err} otherwise
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
