package dev.lapse.agent.cli;

import java.io.PrintStream;
import java.nio.file.Paths;
import java.util.List;

/** {@code report <pid> [DIR]}: the target runs its check now and writes its report files. */
final class ReportCommand implements Command {
    @Override
    public String name() {
        return "report";
    }

    @Override
    public String usage() {
        return "report <pid> [DIR]";
    }

    @Override
    public String summary() {
        return "have the JVM check now (full GC) and write its report, to DIR or its out";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.isEmpty() || args.size() > 2) {
            throw new CommandException("usage: " + usage());
        }
        try (TargetVm target = TargetVm.attach(args.get(0))) {
            StopCommand.requireLapse(target);
            String result = args.size() == 2
                    ? target.invokeLapse(
                            "writeReportTo",
                            Paths.get(args.get(1)).toAbsolutePath().toString())
                    : target.invokeLapse("writeReport");
            out.println(result);
            return 0;
        }
    }
}
