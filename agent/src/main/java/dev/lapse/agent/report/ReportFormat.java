package dev.lapse.agent.report;

import dev.lapse.agent.config.ValueType;
import dev.lapse.agent.report.model.Report;

/** The report files Lapse can write, chosen with the {@code formats=} option; each renders the typed report. */
public enum ReportFormat implements ValueType.Named {
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
    @Override
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
}
