package dev.lapse.agent.report;

import dev.lapse.agent.confirm.CheckResult;
import dev.lapse.agent.confirm.Finding;
import dev.lapse.agent.track.Stats;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Everything one report file says: the groups, how the check went, counters, the JVM and the settings. */
public final class Report {
    /** Version of the JSON layout; bumped on any incompatible change. */
    public static final int SCHEMA = 1;

    final String version;
    final long generatedMillis;
    final List<FindingGroup> groups;
    final CheckResult check;
    final Stats stats;
    final Map<String, String> jvm;
    final Map<String, String> options;
    final List<String> notes;
    final int instrumentedMethods;

    /**
     * @param notes limits of this run in words: what the report could not see or confirm
     */
    public Report(
            String version,
            long generatedMillis,
            CheckResult check,
            Stats stats,
            Map<String, String> jvm,
            Map<String, String> options,
            List<String> notes,
            int instrumentedMethods) {
        this.version = version;
        this.generatedMillis = generatedMillis;
        this.groups = FindingGroup.group(check.findings);
        this.check = check;
        this.stats = stats;
        this.jvm = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(jvm));
        this.options = options;
        this.notes = List.copyOf(notes);
        this.instrumentedMethods = instrumentedMethods;
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

    public List<FindingGroup> groups() {
        return groups;
    }

    /** The JSON document of this report, the model every {@link ReportFormat} renders. */
    public JsonValue toDocument() {
        return JsonValue.parse(JsonReportWriter.write(this));
    }

    /** Total findings over all groups. */
    public int findingCount() {
        int n = 0;
        for (Finding f : check.findings) {
            n += f.count; // an accumulation counts every registration it stands for
        }
        return n;
    }
}
