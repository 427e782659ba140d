package dev.lapse.agent.cli;

import dev.lapse.agent.config.AgentOptions;
import dev.lapse.agent.config.OptionException;
import dev.lapse.agent.report.JsonReportReader;
import dev.lapse.agent.report.ReportFiles;
import dev.lapse.agent.report.ReportFormat;
import dev.lapse.agent.report.ReportMerger;
import dev.lapse.agent.report.TextReportWriter;
import dev.lapse.agent.report.model.Report;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code merge -o DIR [--formats F:F] INPUT...}: one set of report files from the JSON reports of several JVMs.
 * An input is a {@code lapse-report.json} file or a directory searched for them.
 */
final class MergeCommand implements Command {
    private static final List<ReportFormat> DEFAULT_FORMATS = Arrays.asList(ReportFormat.values());

    @Override
    public String name() {
        return "merge";
    }

    @Override
    public String usage() {
        return "merge -o DIR [--formats F] REPORT...";
    }

    @Override
    public String summary() {
        return "merge lapse-report.json files (or directories of them) into one report in DIR";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Path outDir = null;
        List<ReportFormat> formats = DEFAULT_FORMATS;
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-o") || a.equals("--out")) {
                outDir = Paths.get(value(args, ++i, a)).toAbsolutePath().normalize();
            } else if (a.equals("--formats")) {
                try {
                    formats = AgentOptions.FORMATS.type().read(value(args, ++i, a), a);
                } catch (OptionException e) {
                    throw new CommandException(e.getMessage());
                }
            } else if (a.startsWith("-")) {
                throw new CommandException("unknown option '" + a + "'; usage: " + usage());
            } else {
                inputs.add(a);
            }
        }
        if (outDir == null || inputs.isEmpty()) {
            throw new CommandException("usage: " + usage());
        }
        ReportFiles files = new ReportFiles(outDir, formats);
        Set<Path> reports = new LinkedHashSet<>();
        for (String input : inputs) {
            reports.addAll(find(Paths.get(input).toAbsolutePath().normalize(), outDir));
        }
        if (reports.isEmpty()) {
            throw new CommandException("no " + ReportFormat.JSON.fileName() + " in " + String.join(", ", inputs));
        }
        ReportMerger merger = new ReportMerger(Report.lapseVersion(), System.currentTimeMillis());
        for (Path report : reports) {
            try {
                merger.add(report.toString(), JsonReportReader.read(report));
            } catch (IOException e) {
                throw new CommandException("cannot read " + report + ": " + e.getMessage());
            } catch (RuntimeException e) {
                throw new CommandException(report + ": " + e.getMessage());
            }
        }
        Report merged = merger.merged();
        try {
            files.prepare();
            files.write(merged);
        } catch (IOException e) {
            throw new CommandException("cannot write to " + outDir + ": " + e.getMessage());
        }
        out.println("Merged " + reports.size() + " report" + (reports.size() == 1 ? "" : "s") + ". "
                + TextReportWriter.summary(merged));
        out.println("Report: " + files.primary());
        return 0;
    }

    private static String value(List<String> args, int i, String option) throws CommandException {
        if (i >= args.size()) {
            throw new CommandException("option " + option + " needs a value");
        }
        return args.get(i);
    }

    /** The report itself, or every {@code lapse-report.json} under a directory except the merge's own output. */
    private static List<Path> find(Path input, Path outDir) throws CommandException, IOException {
        if (Files.isRegularFile(input)) {
            return List.of(input);
        }
        if (!Files.isDirectory(input)) {
            throw new CommandException("no such file or directory: " + input);
        }
        Path own = outDir.resolve(ReportFormat.JSON.fileName());
        try (Stream<Path> walk = Files.walk(input)) {
            return walk.filter(p -> p.getFileName().toString().equals(ReportFormat.JSON.fileName()))
                    .filter(p -> !p.equals(own))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }
}
