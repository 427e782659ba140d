/**
 * The typed report model: what a report says, as values every format renders (JSON, text, HTML, SARIF) and the JSON
 * reader reads back, so a field renamed in one place is a compile error in every other. Built from a check's findings
 * ({@code ReportBuilder}) or read from JSON ({@code JsonReportReader}); merged by {@code ReportMerger}. Holds names,
 * frames and numbers only, never an object of the application.
 */
package dev.lapse.agent.report.model;
