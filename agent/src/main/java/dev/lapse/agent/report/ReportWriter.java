package dev.lapse.agent.report;

import dev.lapse.agent.report.model.Report;

/** Renders a typed report as one format's file content; each {@link ReportFormat} has one. */
interface ReportWriter {
    String write(Report report);
}
