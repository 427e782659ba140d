package dev.lapse.agent.runtime;

import dev.lapse.agent.config.AgentOptions;
import dev.lapse.agent.config.IoProblem;
import dev.lapse.agent.config.OptionException;
import dev.lapse.agent.config.Suppressions;
import dev.lapse.agent.report.ReportFiles;
import java.io.IOException;

/**
 * What the runtime starts from, checked before the agent touches the JVM: the options parsed, the rules file
 * they name loaded, the report directory created and writable. Every problem here is one {@link OptionException}
 * whose message is the line that refuses the start.
 *
 * <p>A class of its own, apart from {@link LapseRuntime}, because it runs before the hook is defined in the
 * bootstrap class loader, which the runtime's classes need: a refused start then leaves nothing behind in the JVM
 * and prints nothing but its line.
 *
 * @param options the parsed options
 * @param suppressions the built-in known registrations, the {@code suppress} patterns and the rules file's rules
 * @param files the report files, their directory created
 */
public record Startup(AgentOptions options, Suppressions suppressions, ReportFiles files) {

    /**
     * Parses the agent argument, loads the rules file and creates the report directory.
     *
     * @throws OptionException naming the option and the problem
     */
    public static Startup check(String argument) {
        AgentOptions options = AgentOptions.parse(argument);
        Suppressions suppressions = Suppressions.load(options);
        ReportFiles files = new ReportFiles(options.out(), options.formats());
        try {
            files.prepare();
        } catch (IOException e) {
            throw AgentOptions.OUT.problem(
                    "names " + options.out() + ", which cannot be created or written (" + IoProblem.describe(e) + ")");
        }
        return new Startup(options, suppressions, files);
    }
}
