package dev.lapse.agent.cli;

import java.io.PrintStream;
import java.util.List;

/** {@code stop <pid>}: removes the instrumentation and stops tracking; the JVM keeps running. */
final class StopCommand implements Command {
    @Override
    public String name() {
        return "stop";
    }

    @Override
    public String usage() {
        return "stop <pid>";
    }

    @Override
    public String summary() {
        return "remove Lapse's instrumentation from the JVM (classes restored); it keeps running";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.size() != 1) {
            throw new CommandException("usage: " + usage());
        }
        try (TargetVm target = TargetVm.attach(args.get(0))) {
            requireLapse(target);
            out.println("pid " + target.pid() + ": " + target.invokeLapse("stop"));
            return 0;
        }
    }

    static void requireLapse(TargetVm target) throws CommandException {
        if (target.lapseVersion().isEmpty()) {
            throw new CommandException("Lapse is not running in pid " + target.pid()
                    + ": start it with java -jar lapse-agent.jar attach " + target.pid());
        }
    }
}
