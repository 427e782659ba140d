package dev.lapse.agent.cli;

import dev.lapse.agent.config.OptionDocs;
import dev.lapse.agent.report.model.Report;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code java -jar lapse-agent.jar COMMAND ...}: dispatches to the {@link Command}s. */
public final class Cli {
    private static final String USAGE_LINE = "  %-40s %s%n";

    private final Map<String, Command> commands = new LinkedHashMap<>();

    Cli(List<Command> commands) {
        for (Command c : commands) {
            this.commands.put(c.name(), c);
        }
    }

    /** The command line with every command Lapse has. */
    public static Cli standard() {
        return new Cli(List.of(
                new ListCommand(), new AttachCommand(), new ReportCommand(), new StopCommand(), new MergeCommand()));
    }

    /** Runs one command line; returns the exit code. */
    public int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            usage(out);
            return 0;
        }
        if (args[0].equals("--version")) {
            out.println("Lapse " + Report.lapseVersion());
            return 0;
        }
        if (args[0].equals("help")) {
            return help(List.of(Arrays.copyOfRange(args, 1, args.length)), out, err);
        }
        Command c = commands.get(args[0]);
        if (c == null) {
            err.println("lapse: unknown command '" + args[0] + "' (commands: " + String.join(", ", commands.keySet())
                    + "; java -jar lapse-agent.jar help)");
            return 2;
        }
        try {
            return c.run(List.of(Arrays.copyOfRange(args, 1, args.length)), out, err);
        } catch (NoClassDefFoundError e) {
            if (String.valueOf(e.getMessage()).startsWith("com/sun/tools/attach")) {
                err.println(
                        "lapse " + c.name() + ": " + TargetVm.noAttachModule().getMessage());
                return 1;
            }
            throw e;
        } catch (Exception e) {
            err.println("lapse " + c.name() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }
    }

    /** {@code help}, {@code help options} and {@code help options --markdown} (the page docs/options.md is). */
    private int help(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            usage(out);
            return 0;
        }
        if (args.get(0).equals("options") && args.size() <= 2) {
            if (args.size() == 1) {
                out.print(OptionDocs.text());
                return 0;
            }
            if (args.get(1).equals("--markdown")) {
                out.print(OptionDocs.markdown());
                return 0;
            }
        }
        err.println("lapse help: usage: help [options [--markdown]]");
        return 2;
    }

    private void usage(PrintStream out) {
        out.println("Lapse finds lapsed listeners. Run your program with");
        out.println("  java -javaagent:lapse-agent.jar[=out=DIR,...] -jar your-app.jar");
        out.println("and read DIR/lapse-report.txt (default DIR: ./lapse-report).");
        out.println();
        out.println("Commands (java -jar lapse-agent.jar COMMAND):");
        for (Command c : commands.values()) {
            out.printf(USAGE_LINE, c.usage(), c.summary());
        }
        out.printf(USAGE_LINE, "help options [--markdown]", "the agent's options, their defaults and values");
        out.printf(USAGE_LINE, "--version", "the version of this jar");
    }
}
