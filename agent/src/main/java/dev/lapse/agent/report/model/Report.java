package dev.lapse.agent.report.model;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Everything one report says: the Lapse that wrote it, when, where the findings came from (one JVM, or the reports
 * merged), how the collection went, the settings, the finding groups (the one that keeps the most memory alive
 * first), the limits of the run in words, and the counters.
 *
 * @param lapse the version of the Lapse that wrote it
 * @param options the effective options, by key; a merge says {@code (differs)} where its reports disagree
 * @param notes the limits of the run in words: what the report could not see or confirm
 */
public record Report(
        String lapse,
        Instant generated,
        Origin origin,
        Gc gc,
        Map<String, String> options,
        List<Group> groups,
        List<String> notes,
        ReportStats stats) {
    /** Version of the JSON layout; bumped on any incompatible change. */
    public static final int SCHEMA = 1;

    public Report {
        // an option's value may be null, which Map.copyOf refuses
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        groups = List.copyOf(groups);
        notes = List.copyOf(notes);
    }

    /** This Lapse's version, as the build recorded it; {@code unknown} outside a build. */
    public static String lapseVersion() {
        try (InputStream in = Report.class.getResourceAsStream("/dev/lapse/agent/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
