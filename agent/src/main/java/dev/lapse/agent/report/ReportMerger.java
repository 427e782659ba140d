package dev.lapse.agent.report;

import dev.lapse.agent.track.Signal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the JSON reports of several JVMs (forked test JVMs, several services) into one document of the same
 * schema: groups with the same signature become one, their counts and retained sizes added, their first and
 * last registration times widened, and the number of reports they came from kept in {@code reports}. Counters in
 * {@code stats} are added; notes are kept once each; {@code sources} lists the reports merged.
 */
public final class ReportMerger {
    private final String version;
    private final long nowMillis;
    private final Map<String, Map<String, Object>> groups = new LinkedHashMap<>();
    private final Map<String, Long> stats = new LinkedHashMap<>();
    private final Set<String> notes = new LinkedHashSet<>();
    private final List<Object> sources = new ArrayList<>();
    private final Map<String, Object> options = new LinkedHashMap<>();
    private boolean gcForced = true;
    private boolean gcHappened = true;
    private boolean explicitGcDisabled;

    /** @param version the merging Lapse's version, for the merged document's {@code lapse} */
    public ReportMerger(String version, long nowMillis) {
        this.version = version;
        this.nowMillis = nowMillis;
    }

    /**
     * Adds one report.
     *
     * @param name where it came from, for {@code sources} (a file name)
     * @throws IllegalArgumentException when {@code doc} is not a Lapse report of schema {@value Report#SCHEMA}
     */
    public void add(String name, JsonValue doc) {
        if (!doc.isObject() || doc.get("schema").isNull() || !doc.has("findings")) {
            throw new IllegalArgumentException("not a Lapse report (no schema and findings)");
        }
        long schema = doc.get("schema").number();
        if (schema != Report.SCHEMA) {
            throw new IllegalArgumentException(
                    "report schema " + schema + ", this Lapse reads schema " + Report.SCHEMA);
        }
        for (JsonValue g : doc.get("findings").list()) {
            String signature = g.get("signature").string();
            if (signature == null) {
                throw new IllegalArgumentException("a finding group without a signature");
            }
            try {
                Signal.named(g.get("signal").string());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the finding group " + signature + " has signal " + e.getMessage());
            }
            Map<String, Object> merged = groups.get(signature);
            if (merged == null) {
                merged = copy(g);
                merged.put("reports", 1L);
                groups.put(signature, merged);
            } else {
                merged.put("count", (Long) merged.get("count") + g.get("count").number(0));
                @SuppressWarnings("unchecked")
                Map<String, Object> retained = (Map<String, Object>) merged.get("retained");
                retained.put(
                        "bytes",
                        (Long) retained.get("bytes") + g.get("retained.bytes").number(0));
                merged.put(
                        "firstSeen",
                        min((String) merged.get("firstSeen"), g.get("firstSeen").string()));
                merged.put(
                        "lastSeen",
                        max((String) merged.get("lastSeen"), g.get("lastSeen").string()));
                merged.put("reports", (Long) merged.get("reports") + 1);
            }
        }
        for (Map.Entry<String, JsonValue> e : doc.get("stats").members().entrySet()) {
            if (!e.getKey().equals("groups") && !e.getKey().equals("checkMillis")) {
                stats.merge(e.getKey(), e.getValue().number(0), Long::sum);
            }
        }
        for (JsonValue note : doc.get("notes").list()) {
            notes.add(note.string());
        }
        for (Map.Entry<String, JsonValue> e : doc.get("options").members().entrySet()) {
            Object value = e.getValue().tree();
            if (!options.containsKey(e.getKey())) {
                options.put(e.getKey(), sources.isEmpty() ? value : "(differs)");
            } else if (!String.valueOf(options.get(e.getKey())).equals(String.valueOf(value))) {
                options.put(e.getKey(), "(differs)");
            }
        }
        JsonValue gc = doc.get("jvm.gc");
        gcForced &= gc.get("forced").isNull() || gc.get("forced").bool();
        gcHappened &=
                gc.get("fullGcHappened").isNull() || gc.get("fullGcHappened").bool();
        explicitGcDisabled |= !gc.get("explicitGcDisabled").isNull()
                && gc.get("explicitGcDisabled").bool();
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("file", name);
        source.put("pid", doc.get("jvm.pid").string());
        source.put("main", doc.get("jvm.main").string());
        source.put("javaVersion", doc.get("jvm.version").string());
        source.put("generated", doc.get("generated").string());
        source.put("findings", doc.get("stats.findings").number(0));
        sources.add(source);
    }

    /** Adds a note to the merged report, kept once like the notes of the reports merged. */
    public void note(String text) {
        notes.add(text);
    }

    /** The merged document: biggest retained size first, then the largest count, as in one JVM's report. */
    public JsonValue merged() {
        List<Map<String, Object>> sorted = new ArrayList<>(groups.values());
        sorted.sort(Comparator.<Map<String, Object>>comparingLong(g -> retained(g))
                .reversed()
                .thenComparing(Comparator.<Map<String, Object>>comparingLong(g -> (Long) g.get("count"))
                        .reversed())
                .thenComparing(g -> (String) g.get("signature")));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema", (long) Report.SCHEMA);
        doc.put("lapse", version);
        doc.put("generated", Instant.ofEpochMilli(nowMillis).toString());
        Map<String, Object> gc = new LinkedHashMap<>();
        gc.put("forced", gcForced);
        gc.put("fullGcHappened", gcHappened);
        gc.put("explicitGcDisabled", explicitGcDisabled);
        Map<String, Object> jvm = new LinkedHashMap<>();
        jvm.put("mode", "merge");
        jvm.put("gc", gc);
        doc.put("jvm", jvm);
        doc.put("sources", sources);
        doc.put("options", options);
        doc.put("findings", new ArrayList<Object>(sorted));
        doc.put("notes", new ArrayList<Object>(notes));
        Map<String, Object> mergedStats = new LinkedHashMap<>(stats);
        mergedStats.put("groups", (long) sorted.size());
        doc.put("stats", mergedStats);
        return JsonValue.of(doc);
    }

    @SuppressWarnings("unchecked")
    private static long retained(Map<String, Object> g) {
        Object r = g.get("retained");
        return r instanceof Map ? (Long) ((Map<String, Object>) r).getOrDefault("bytes", 0L) : 0L;
    }

    /** A deep, mutable copy of a group, so that adding to it never changes the report it was read from. */
    private static Map<String, Object> copy(JsonValue g) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) deepCopy(g.tree());
        m.putIfAbsent("count", 0L);
        Object retained = m.get("retained");
        if (!(retained instanceof Map)) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("bytes", 0L);
            r.put("estimate", true);
            m.put("retained", r);
        }
        return m;
    }

    private static Object deepCopy(Object node) {
        if (node instanceof Map) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) node).entrySet()) {
                m.put((String) e.getKey(), deepCopy(e.getValue()));
            }
            return m;
        }
        if (node instanceof List) {
            List<Object> l = new ArrayList<>();
            for (Object o : (List<?>) node) {
                l.add(deepCopy(o));
            }
            return l;
        }
        return node;
    }

    private static String min(String a, String b) {
        return a == null ? b : b == null ? a : instant(a).compareTo(instant(b)) <= 0 ? a : b;
    }

    private static String max(String a, String b) {
        return a == null ? b : b == null ? a : instant(a).compareTo(instant(b)) >= 0 ? a : b;
    }

    private static Instant instant(String iso) {
        try {
            return Instant.parse(iso);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + iso + "' is not a time such as 2026-01-31T12:00:00Z");
        }
    }
}
