package dev.lapse.agent.config;

import dev.lapse.agent.report.ReportFormat;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The agent's options, parsed from {@code key=value,key=value} as given after {@code -javaagent:lapse-agent.jar=}.
 * Lists inside a value are separated by {@code :}. Unknown keys and bad values are rejected with a message
 * that names them, so a typo in a test run's flag never passes silently. {@link #toString()} gives back the
 * canonical argument string.
 */
public final class AgentOptions {

    /** Directory for the report files. Default {@value #DEFAULT_OUT}, relative to the working directory. */
    public static final String OUT = "out";
    /** Extra lifecycle-ending method names, {@code :}-separated, added to the built-in ones. Default none. */
    public static final String LIFECYCLE = "lifecycle";
    /** Class name patterns ({@code *} and {@code ?} wildcards, {@code :}-separated) never instrumented. Default none. */
    public static final String EXCLUDES = "excludes";
    /** Most registrations tracked at once; past it new ones are dropped and counted. Default {@value #DEFAULT_MAX_TRACKED}. */
    public static final String MAX_TRACKED = "maxTracked";
    /** Whether the check forces a full garbage collection ({@code System.gc()}). Default {@code true}. */
    public static final String GC = "gc";
    /** Time limit for the check and report at JVM exit. Default {@code 10s}. */
    public static final String EXIT_TIMEOUT = "exitTimeout";
    /** Most objects one check's reference walk visits. Default {@value #DEFAULT_WALK_LIMIT}. */
    public static final String WALK_LIMIT = "walkLimit";
    /** Time limit for one check's reference walk. Default {@code 5s}. */
    public static final String WALK_TIMEOUT = "walkTimeout";
    /** Report files to write, {@code :}-separated: {@code json}, {@code txt}, {@code html}, {@code sarif}. Default {@code json:txt}. */
    public static final String FORMATS = "formats";
    /**
     * Whether several JVMs of one run (forked test JVMs) report into {@code out}: each keeps its own report under
     * {@code out/jvms/PID/} and the merge of all of them is written to {@code out}. Default {@code false}.
     */
    public static final String SHARED = "shared";
    /**
     * Class name patterns ({@code :}-separated) whose findings are not reported: a finding is suppressed when its
     * owner, listener or subject class matches. Default none.
     */
    public static final String SUPPRESS = "suppress";
    /** A rules file of known, intended registrations (see {@link Suppressions}). Default none. */
    public static final String RULES = "rules";
    /**
     * How many live registrations one call site may make on one subject before they are reported as an
     * {@code accumulation}, with no owner signal. Default {@value #DEFAULT_ACCUMULATION}.
     */
    public static final String ACCUMULATION = "accumulation";
    /**
     * How long registrations must keep coming for an accumulation: from the first to the last of them. A burst at
     * start-up (a table whose rows each register once) is shorter. {@code 0s} lets the count alone decide.
     * Default {@code 60s}.
     */
    public static final String ACCUMULATION_WINDOW = "accumulationWindow";
    /** The agent's log level on standard error: {@code debug}, {@code info}, {@code warn}, {@code error}, {@code off}. Default {@code info}. */
    public static final String LOG = "log";

    static final String DEFAULT_OUT = "lapse-report";
    static final int DEFAULT_MAX_TRACKED = 500_000;
    static final int DEFAULT_WALK_LIMIT = 1_000_000;
    static final int DEFAULT_ACCUMULATION = 500;

    private static final List<String> KEYS = List.of(
            OUT,
            LIFECYCLE,
            EXCLUDES,
            MAX_TRACKED,
            GC,
            EXIT_TIMEOUT,
            WALK_LIMIT,
            WALK_TIMEOUT,
            FORMATS,
            SHARED,
            SUPPRESS,
            RULES,
            ACCUMULATION,
            ACCUMULATION_WINDOW,
            LOG);
    private static final List<String> LOG_LEVELS = List.of("debug", "info", "warn", "error", "off");
    private static final Pattern JAVA_NAME = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*");
    private static final Pattern CLASS_PATTERN = Pattern.compile("[\\p{L}\\p{N}_$.*?]+");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");

    private final Map<String, String> given;
    private final Path out;
    private final List<String> lifecycle;
    private final List<String> excludes;
    private final int maxTracked;
    private final boolean gc;
    private final Duration exitTimeout;
    private final int walkLimit;
    private final Duration walkTimeout;
    private final List<ReportFormat> formats;
    private final boolean shared;
    private final List<String> suppress;
    private final Path rules;
    private final Suppressions suppressions;
    private final int accumulation;
    private final Duration accumulationWindow;
    private final String log;

    private AgentOptions(Map<String, String> given) {
        this.given = Collections.unmodifiableMap(given);
        this.out = path(OUT, given.getOrDefault(OUT, DEFAULT_OUT));
        this.lifecycle = list(LIFECYCLE, given.get(LIFECYCLE), JAVA_NAME, "a Java method name");
        this.excludes = list(EXCLUDES, given.get(EXCLUDES), CLASS_PATTERN, "a class name pattern");
        this.maxTracked = positiveInt(MAX_TRACKED, given.getOrDefault(MAX_TRACKED, "" + DEFAULT_MAX_TRACKED));
        this.gc = bool(GC, given.getOrDefault(GC, "true"));
        this.exitTimeout = duration(EXIT_TIMEOUT, given.getOrDefault(EXIT_TIMEOUT, "10s"));
        this.walkLimit = positiveInt(WALK_LIMIT, given.getOrDefault(WALK_LIMIT, "" + DEFAULT_WALK_LIMIT));
        this.walkTimeout = duration(WALK_TIMEOUT, given.getOrDefault(WALK_TIMEOUT, "5s"));
        this.formats = formats(given.get(FORMATS));
        this.shared = bool(SHARED, given.getOrDefault(SHARED, "false"));
        this.suppress = list(SUPPRESS, given.get(SUPPRESS), CLASS_PATTERN, "a class name pattern");
        this.rules = given.containsKey(RULES) ? path(RULES, given.get(RULES)) : null;
        this.suppressions = Suppressions.load(suppress, rules);
        this.accumulation = positiveInt(ACCUMULATION, given.getOrDefault(ACCUMULATION, "" + DEFAULT_ACCUMULATION));
        this.accumulationWindow = duration(ACCUMULATION_WINDOW, given.getOrDefault(ACCUMULATION_WINDOW, "60s"), true);
        this.log = oneOf(LOG, given.getOrDefault(LOG, "info"), LOG_LEVELS);
    }

    /**
     * Parses the agent argument.
     *
     * @param argument {@code key=value,...}; {@code null} or empty means all defaults
     * @throws OptionException naming the unknown key or the bad value
     */
    public static AgentOptions parse(String argument) {
        Map<String, String> given = new LinkedHashMap<>();
        if (argument != null && !argument.isBlank()) {
            for (String pair : argument.split(",", -1)) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new OptionException("Lapse: option '" + pair + "' is not key=value (valid keys: "
                            + String.join(", ", KEYS) + ")");
                }
                String key = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                if (!KEYS.contains(key)) {
                    throw new OptionException(
                            "Lapse: unknown option '" + key + "' (valid keys: " + String.join(", ", KEYS) + ")");
                }
                if (given.put(key, value) != null) {
                    throw new OptionException("Lapse: option '" + key + "' is given twice");
                }
            }
        }
        return new AgentOptions(given);
    }

    /** All defaults. */
    public static AgentOptions defaults() {
        return parse(null);
    }

    /** The report directory, absolute. */
    public Path out() {
        return out;
    }

    /** Extra lifecycle-ending method names. */
    public List<String> lifecycle() {
        return lifecycle;
    }

    /** Extra class name patterns never to instrument. */
    public List<String> excludes() {
        return excludes;
    }

    public int maxTracked() {
        return maxTracked;
    }

    public boolean gc() {
        return gc;
    }

    public Duration exitTimeout() {
        return exitTimeout;
    }

    public int walkLimit() {
        return walkLimit;
    }

    public Duration walkTimeout() {
        return walkTimeout;
    }

    public String log() {
        return log;
    }

    /** The built-in known registrations, the {@code suppress} patterns and the rules file's rules. */
    public Suppressions suppressions() {
        return suppressions;
    }

    public int accumulation() {
        return accumulation;
    }

    public Duration accumulationWindow() {
        return accumulationWindow;
    }

    /** The report files to write, in the order given, without repeats. */
    public List<ReportFormat> formats() {
        return formats;
    }

    /** Whether {@code out} is shared by the JVMs of one run and holds their merged report. */
    public boolean shared() {
        return shared;
    }

    /** The options as given, in canonical form: the argument that would produce them. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(e.getKey()).append('=').append(e.getValue());
        }
        return b.toString();
    }

    /**
     * The options as given, as an agent argument for another JVM: {@code out} and {@code rules} absolute, since the other JVM's
     * working directory is not the one the user meant.
     */
    public String toArgument() {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(e.getKey())
                    .append('=')
                    .append(
                            e.getKey().equals(OUT)
                                    ? out.toString()
                                    : e.getKey().equals(RULES) ? rules.toString() : e.getValue());
        }
        return b.toString();
    }

    /** Every option with its effective value, for the report. */
    public Map<String, String> effective() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(OUT, out.toString());
        m.put(LIFECYCLE, String.join(":", lifecycle));
        m.put(EXCLUDES, String.join(":", excludes));
        m.put(MAX_TRACKED, Integer.toString(maxTracked));
        m.put(GC, Boolean.toString(gc));
        m.put(EXIT_TIMEOUT, exitTimeout.toMillis() + "ms");
        m.put(WALK_LIMIT, Integer.toString(walkLimit));
        m.put(WALK_TIMEOUT, walkTimeout.toMillis() + "ms");
        m.put(FORMATS, formats.stream().map(ReportFormat::option).collect(Collectors.joining(":")));
        m.put(SHARED, Boolean.toString(shared));
        m.put(SUPPRESS, String.join(":", suppress));
        m.put(RULES, rules == null ? "" : rules.toString());
        m.put(ACCUMULATION, Integer.toString(accumulation));
        m.put(ACCUMULATION_WINDOW, accumulationWindow.toMillis() + "ms");
        m.put(LOG, log);
        return m;
    }

    private static Path path(String key, String value) {
        if (value.isEmpty()) {
            throw bad(key, value, "a directory");
        }
        try {
            return Paths.get(value).toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            throw bad(key, value, "a directory (" + e.getMessage() + ")");
        }
    }

    private static List<String> list(String key, String value, Pattern element, String what) {
        if (value == null || value.isEmpty()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String item : value.split(":", -1)) {
            if (!element.matcher(item).matches()) {
                throw new OptionException("Lapse: option '" + key + "' has '" + item + "', which is not " + what
                        + " (separate several with ':')");
            }
            items.add(item);
        }
        return List.copyOf(items);
    }

    private static List<ReportFormat> formats(String value) {
        if (value == null) {
            return ReportFormat.defaults();
        }
        try {
            return ReportFormat.parseList(value);
        } catch (IllegalArgumentException e) {
            throw new OptionException("Lapse: option '" + FORMATS + "' " + e.getMessage());
        }
    }

    private static int positiveInt(String key, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(key, value, "a whole number above 0");
    }

    private static boolean bool(String key, String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw bad(key, value, "true or false");
        }
    }

    private static Duration duration(String key, String value) {
        return duration(key, value, false);
    }

    private static Duration duration(String key, String value, boolean zeroAllowed) {
        Matcher m = DURATION.matcher(value);
        if (m.matches()) {
            try {
                long n = Long.parseLong(m.group(1));
                String unit = m.group(2) == null ? "ms" : m.group(2);
                Duration d = unit.equals("ms")
                        ? Duration.ofMillis(n)
                        : unit.equals("s") ? Duration.ofSeconds(n) : Duration.ofMinutes(n);
                if (!d.isZero() || zeroAllowed) {
                    return d;
                }
            } catch (NumberFormatException | ArithmeticException e) {
                // reported below
            }
        }
        throw bad(key, value, "a duration " + (zeroAllowed ? "" : "above 0 ") + "such as 500ms, 10s or 2m");
    }

    private static String oneOf(String key, String value, List<String> allowed) {
        if (allowed.contains(value)) {
            return value;
        }
        throw bad(key, value, "one of " + String.join(", ", allowed));
    }

    private static OptionException bad(String key, String value, String expected) {
        return new OptionException("Lapse: option '" + key + "' has bad value '" + value + "': expected " + expected);
    }
}
