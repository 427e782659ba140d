package dev.lapse.agent.config;

import dev.lapse.agent.report.ReportFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agent's options, parsed from {@code key=value,key=value} as given after {@code -javaagent:lapse-agent.jar=}
 * or to {@code attach}; lists inside a value are separated by {@code :}. Each option is one {@link Option}
 * descriptor below, the only place its key, type, default and documentation are written: {@link #ALL} lists
 * them, the parser, {@link #effective()}, {@link #toString()} and {@link OptionDocs} are derived from it. Unknown
 * keys and bad values are rejected with a message that names them, so a typo never passes silently.
 *
 * <p>Parsing reads no file and touches no directory: the runtime loads the {@link #RULES rules file} and creates
 * the {@link #OUT report directory} at start-up, before anything is instrumented.
 */
public final class AgentOptions {
    private static final List<Option<?>> DECLARED = new ArrayList<>();

    public static final Option<Path> OUT = declare(
            "out",
            ValueType.path("a directory"),
            "lapse-report",
            "Directory for the report files, relative to the working directory. Created at start-up: when it"
                    + " cannot be, the JVM does not start.");
    public static final Option<List<String>> LIFECYCLE = declare(
            "lifecycle",
            ValueType.listOf(ValueType.javaName("a Java method name"), true),
            "",
            "Method names that end their object's life, added to the built-in ones (`close`, `dispose`,"
                    + " `destroy`, `stop` and the like, and `@PreDestroy` methods).");
    public static final Option<List<String>> EXCLUDES = declare(
            "excludes",
            ValueType.listOf(ValueType.classPattern(), true),
            "",
            "Classes never instrumented, by name pattern (`*` and `?` wildcards).");
    public static final Option<Integer> MAX_TRACKED = declare(
            "maxTracked",
            ValueType.positiveInt(),
            "500000",
            "Most registrations tracked at once; past it new ones are dropped and counted, and the report says so.");
    public static final Option<Boolean> GC = declare(
            "gc",
            ValueType.bool(),
            "true",
            "Whether a check forces a full garbage collection (`System.gc()`). Without one, findings wait for a"
                    + " full collection the JVM runs by itself.");
    public static final Option<Duration> EXIT_TIMEOUT = declare(
            "exitTimeout",
            ValueType.duration(false),
            "10s",
            "Time limit for the check and the report at JVM exit; past it the JVM exits without a report.");
    public static final Option<Integer> WALK_LIMIT = declare(
            "walkLimit",
            ValueType.positiveInt(),
            "1000000",
            "Most objects one check's reference walk visits; registrations it could not confirm within it are"
                    + " counted in the report.");
    public static final Option<Duration> WALK_TIMEOUT =
            declare("walkTimeout", ValueType.duration(false), "5s", "Time limit for one check's reference walk.");
    public static final Option<List<ReportFormat>> FORMATS = declare(
            "formats",
            ValueType.listOf(ValueType.oneOf(ReportFormat.values()), false),
            "json:txt",
            "Report files to write: `json` (for tools), `txt` (for logs), `html` (one self-contained page),"
                    + " `sarif` (for code scanning).");
    public static final Option<Boolean> SHARED = declare(
            "shared",
            ValueType.bool(),
            "false",
            "Whether several JVMs of one run (forked test JVMs) report into `out`: each keeps its own report"
                    + " in a working directory of the run outside `out` (in the temporary directory), and the merge"
                    + " of all of them is written to `out`.");
    public static final Option<List<String>> SUPPRESS = declare(
            "suppress",
            ValueType.listOf(ValueType.classPattern(), true),
            "",
            "Class name patterns whose findings are not reported: a finding is suppressed when its owner,"
                    + " listener or subject class matches. Suppressed findings are counted in the report.");
    public static final Option<Optional<Path>> RULES = declare(
            "rules",
            ValueType.optionalPath("a file"),
            "",
            "A rules file of known, intended registrations, read at start-up: one rule per line, `key=pattern`"
                    + " pairs separated by spaces that must all match (keys: " + String.join(", ", Suppressions.KEYS)
                    + "), then an optional `reason=` that takes the rest of the line; `#` starts a comment. A file"
                    + " that cannot be read or a bad rule stops the start with its line named.");
    public static final Option<Integer> ACCUMULATION = declare(
            "accumulation",
            ValueType.positiveInt(),
            "500",
            "How many live registrations one call site may make on one subject before they are reported as an"
                    + " `accumulation`, with no owner signal.");
    public static final Option<Duration> ACCUMULATION_WINDOW = declare(
            "accumulationWindow",
            ValueType.duration(true),
            "60s",
            "How long registrations must keep coming for an accumulation, from the first to the last of them;"
                    + " a burst at start-up (a table whose rows each register once) is shorter. `0s` lets the count"
                    + " alone decide.");
    public static final Option<LogLevel> LOG =
            declare("log", ValueType.oneOf(LogLevel.values()), "info", "The agent's log level on standard error.");

    /** Every option, in the order of the documentation. */
    public static final List<Option<?>> ALL = List.copyOf(DECLARED);

    private static final Map<String, Option<?>> BY_KEY = byKey();

    /** Each option's value, in {@link #ALL}'s order: the given ones and the defaults. */
    private final Map<Option<?>, Object> values;
    /** The options given, in {@link #ALL}'s order. */
    private final Map<Option<?>, Object> given;

    /**
     * Loops rather than streams, here and in {@link #toString} and {@link #effective}: the options are read when the
     * agent starts, and each lambda a stream takes is spun into a class on the launch path.
     */
    private static Map<String, Option<?>> byKey() {
        Map<String, Option<?>> byKey = new LinkedHashMap<>();
        for (Option<?> o : ALL) {
            byKey.putIfAbsent(o.key(), o);
        }
        return byKey;
    }

    private static <T> Option<T> declare(String key, ValueType<T> type, String defaultText, String description) {
        Option<T> option = new Option<>(key, type, defaultText, description);
        DECLARED.add(option);
        return option;
    }

    private AgentOptions(Map<Option<?>, Object> given) {
        Map<Option<?>, Object> values = new LinkedHashMap<>();
        Map<Option<?>, Object> inOrder = new LinkedHashMap<>();
        for (Option<?> o : ALL) {
            if (given.containsKey(o)) {
                values.put(o, given.get(o));
                inOrder.put(o, given.get(o));
            } else {
                values.put(o, o.defaultValue());
            }
        }
        this.values = Collections.unmodifiableMap(values);
        this.given = Collections.unmodifiableMap(inOrder);
    }

    /**
     * Parses the agent argument.
     *
     * @param argument {@code key=value,...}; {@code null} or blank means all defaults
     * @throws OptionException naming the unknown key or the bad value
     */
    public static AgentOptions parse(String argument) {
        Map<Option<?>, Object> given = new LinkedHashMap<>();
        if (argument != null && !argument.isBlank()) {
            for (String pair : argument.split(",", -1)) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new OptionException(
                            "option '" + pair.trim() + "' is not key=value (valid keys: " + keys() + ")");
                }
                String key = pair.substring(0, eq).trim();
                Option<?> option = BY_KEY.get(key);
                if (option == null) {
                    throw new OptionException("unknown option '" + key + "' ("
                            + Spelling.closest(key, BY_KEY.keySet())
                                    .map(k -> "did you mean '" + k + "'? ")
                                    .orElse("")
                            + "valid keys: " + keys() + ")");
                }
                if (given.put(option, option.parse(pair.substring(eq + 1).trim())) != null) {
                    throw new OptionException("option '" + key + "' is given twice");
                }
            }
        }
        return new AgentOptions(given);
    }

    /** All defaults. */
    public static AgentOptions defaults() {
        return parse(null);
    }

    /** {@code out, lifecycle, ...}: every key, in the order of the documentation. */
    public static String keys() {
        return String.join(", ", BY_KEY.keySet());
    }

    /** The value of {@code option}: the one given, else its default. */
    public <T> T get(Option<T> option) {
        @SuppressWarnings("unchecked")
        T value = (T) values.get(option);
        return value;
    }

    /** The report directory, absolute. */
    public Path out() {
        return get(OUT);
    }

    /** Extra lifecycle-ending method names. */
    public List<String> lifecycle() {
        return get(LIFECYCLE);
    }

    /** Extra class name patterns never to instrument. */
    public List<String> excludes() {
        return get(EXCLUDES);
    }

    public int maxTracked() {
        return get(MAX_TRACKED);
    }

    public boolean gc() {
        return get(GC);
    }

    public Duration exitTimeout() {
        return get(EXIT_TIMEOUT);
    }

    public int walkLimit() {
        return get(WALK_LIMIT);
    }

    public Duration walkTimeout() {
        return get(WALK_TIMEOUT);
    }

    /** The report files to write, in the order given, without repeats. */
    public List<ReportFormat> formats() {
        return get(FORMATS);
    }

    /** Whether {@code out} is shared by the JVMs of one run and holds their merged report. */
    public boolean shared() {
        return get(SHARED);
    }

    /** Class name patterns whose findings are not reported. */
    public List<String> suppress() {
        return get(SUPPRESS);
    }

    /** The rules file, absolute, if one is named; the runtime loads it. */
    public Optional<Path> rules() {
        return get(RULES);
    }

    public int accumulation() {
        return get(ACCUMULATION);
    }

    public Duration accumulationWindow() {
        return get(ACCUMULATION_WINDOW);
    }

    public LogLevel log() {
        return get(LOG);
    }

    /**
     * The options given, in canonical form: {@code key=value} in the order of {@link #ALL}, paths absolute. It
     * parses back to the same options, here or in another JVM (the argument {@code attach} passes on: the target's
     * working directory is not the one the user meant).
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<Option<?>, Object> e : given.entrySet()) {
            text.append(text.length() == 0 ? "" : ",")
                    .append(e.getKey().key())
                    .append('=')
                    .append(e.getKey().format(e.getValue()));
        }
        return text.toString();
    }

    /** Every option with its effective value in canonical form, for the report. */
    public Map<String, String> effective() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<Option<?>, Object> e : values.entrySet()) {
            m.put(e.getKey().key(), e.getKey().format(e.getValue()));
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AgentOptions && ((AgentOptions) o).given.equals(given);
    }

    @Override
    public int hashCode() {
        return given.hashCode();
    }
}
