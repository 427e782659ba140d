package dev.lapse.agent.cli;

import dev.lapse.agent.LapseAgent;
import dev.lapse.agent.config.AgentOptions;
import dev.lapse.agent.config.OptionException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;

/** {@code attach <pid> [options]}: loads the agent into a running JVM, with the options of -javaagent. */
final class AttachCommand implements Command {
    @Override
    public String name() {
        return "attach";
    }

    @Override
    public String usage() {
        return "attach <pid> [options]";
    }

    @Override
    public String summary() {
        return "load Lapse into a running JVM (options as for -javaagent: out=DIR,...)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.isEmpty() || args.size() > 2) {
            throw new CommandException("usage: " + usage());
        }
        String options = canonical(args.size() == 2 ? args.get(1) : "");
        try (TargetVm target = TargetVm.attach(args.get(0))) {
            Optional<String> loaded = target.lapseVersion();
            if (loaded.isPresent()) {
                out.println("Lapse " + loaded.get() + " is already loaded in pid " + target.pid() + " (reports go to "
                        + target.lapseReportDirectory() + "); nothing to do");
                return 0;
            }
            target.loadAgent(agentJar(), options);
            Optional<String> started = target.lapseVersion();
            if (started.isEmpty()) {
                // the agent refused to start (a rules file it cannot read, an out directory it cannot create)
                // and left its one line in the target, which runs on without it
                throw new CommandException(target.lapseRefusal()
                        .orElse("pid " + target.pid() + " loaded the agent but it did not start;"
                                + " see that JVM's standard error"));
            }
            out.println("Lapse " + started.get() + " attached to pid " + target.pid() + "; reports go to "
                    + target.lapseReportDirectory() + ". Registrations made before now are unknown to it.");
            return 0;
        }
    }

    /**
     * Checks the options here, so a typo is named before anything touches the target, and resolves a relative
     * {@code out} or {@code rules} against this command's working directory, where the user typed it. What only
     * the target can tell (whether it can read the rules file and create {@code out}) it tells at its start.
     */
    private static String canonical(String options) throws CommandException {
        try {
            return AgentOptions.parse(options).toString();
        } catch (OptionException e) {
            throw new CommandException(e.getMessage());
        }
    }

    /** The jar this command runs from: the agent jar itself. */
    static Path agentJar() throws CommandException {
        try {
            Path jar = Paths.get(LapseAgent.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            if (!jar.toString().endsWith(".jar")) {
                throw new CommandException("run the command from the agent jar: java -jar lapse-agent.jar attach ...");
            }
            return jar;
        } catch (URISyntaxException | SecurityException e) {
            throw new CommandException("cannot locate the agent jar: " + e.getMessage());
        }
    }
}
