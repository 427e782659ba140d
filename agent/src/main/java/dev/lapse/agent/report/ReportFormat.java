package dev.lapse.agent.report;

import dev.lapse.agent.report.model.Report;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The report files Lapse can write, chosen with the {@code formats=} option; each renders the typed report. */
public enum ReportFormat {
    /** For tools: the document itself. */
    JSON("json", "lapse-report.json", new JsonReportWriter()),
    /** For logs and consoles. */
    TEXT("txt", "lapse-report.txt", new TextReportWriter()),
    /** For people: one self-contained page with the chains drawn. */
    HTML("html", "lapse-report.html", new HtmlReportWriter()),
    /** For code-scanning UIs: SARIF 2.1.0, one result per group at the registration site. */
    SARIF("sarif", "lapse-report.sarif", new SarifReportWriter());

    private final String option;
    private final String fileName;
    private final ReportWriter writer;

    ReportFormat(String option, String fileName, ReportWriter writer) {
        this.option = option;
        this.fileName = fileName;
        this.writer = writer;
    }

    /** The name in the {@code formats=} option. */
    public String option() {
        return option;
    }

    public String fileName() {
        return fileName;
    }

    /** The file's content for {@code report}. */
    String render(Report report) {
        return writer.write(report);
    }

    /** The format with this option name, or {@code null}. */
    public static ReportFormat named(String option) {
        for (ReportFormat f : values()) {
            if (f.option.equals(option)) {
                return f;
            }
        }
        return null;
    }

    /**
     * Reads a {@code :}-separated list such as {@code json:txt:html}, in order, without repeats.
     *
     * @throws IllegalArgumentException {@code has 'pdf', which is not one of json, txt, html, sarif}
     */
    public static List<ReportFormat> parseList(String value) {
        Set<ReportFormat> formats = new LinkedHashSet<>();
        for (String name : value.split(":", -1)) {
            ReportFormat f = named(name);
            if (f == null) {
                throw new IllegalArgumentException(
                        "has '" + name + "', which is not one of " + names() + " (separate several with ':')");
            }
            formats.add(f);
        }
        return List.copyOf(formats);
    }

    /** {@code json, txt, html, sarif}. */
    public static String names() {
        return Arrays.stream(values()).map(ReportFormat::option).collect(Collectors.joining(", "));
    }

    /** JSON and text: what Lapse writes unless told otherwise. */
    public static List<ReportFormat> defaults() {
        return List.of(JSON, TEXT);
    }
}
