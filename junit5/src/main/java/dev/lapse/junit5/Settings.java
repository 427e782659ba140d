package dev.lapse.junit5;

import dev.lapse.agent.config.Spelling;
import dev.lapse.agent.track.Signal;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The effective settings of a test class or method: its {@link LapseCheck} (a method's over its class's), else the
 * configuration parameters, else the defaults. JUnit reads a configuration parameter the launcher was not given from
 * the system properties, so {@code -Dlapse.signals=...} is read here too.
 *
 * <p>Every value is checked: a typo in an annotation, a configuration parameter or a system property fails the test
 * run with one line naming it and the valid values, instead of checking less than asked, or nothing, in silence.
 *
 * @param mode what a finding does to the test
 * @param when when the check runs
 * @param signals the signals that count, comma-separated wire names as the agent reads them; {@code null} for all
 */
record Settings(LapseCheck.Mode mode, LapseCheck.When when, String signals) {
    static final String MODE = "lapse.mode";
    static final String CHECK = "lapse.check";
    static final String SIGNALS = "lapse.signals";

    private static final List<String> SIGNAL_NAMES =
            Arrays.stream(Signal.values()).map(Signal::wireName).toList();

    /**
     * The settings of {@code context}.
     *
     * @throws ExtensionConfigurationException naming the bad value, where it was given and the valid values
     */
    static Settings of(ExtensionContext context) {
        // every parameter is read and checked, also where an annotation overrides it: a typo is a typo
        LapseCheck.Mode mode = parameter(context, MODE, LapseCheck.Mode.class, LapseCheck.Mode.FAIL);
        LapseCheck.When when = parameter(context, CHECK, LapseCheck.When.class, LapseCheck.When.METHOD);
        String signals = context.getConfigurationParameter(SIGNALS)
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .map(v -> signals(List.of(v.split(",", -1)), "configuration parameter '" + SIGNALS + "'"))
                .orElse(null);
        LapseCheck.Mode annotatedMode = LapseCheck.Mode.DEFAULT;
        LapseCheck.When annotatedWhen = LapseCheck.When.DEFAULT;
        String annotatedSignals = null;
        for (AnnotatedElement e : new AnnotatedElement[] {
            context.getTestMethod().orElse(null), context.getTestClass().orElse(null)
        }) {
            LapseCheck a = e == null ? null : e.getAnnotation(LapseCheck.class);
            if (a != null) {
                annotatedMode = annotatedMode == LapseCheck.Mode.DEFAULT ? a.mode() : annotatedMode;
                annotatedWhen = annotatedWhen == LapseCheck.When.DEFAULT ? a.check() : annotatedWhen;
                if (annotatedSignals == null && a.signals().length > 0) {
                    annotatedSignals = signals(List.of(a.signals()), "@LapseCheck(signals) on " + name(e));
                }
            }
        }
        return new Settings(
                annotatedMode == LapseCheck.Mode.DEFAULT ? mode : annotatedMode,
                annotatedWhen == LapseCheck.When.DEFAULT ? when : annotatedWhen,
                annotatedSignals == null ? signals : annotatedSignals);
    }

    /** The signal names, each looked up by its wire name, as the comma-separated list the agent reads. */
    private static String signals(List<String> names, String origin) {
        StringJoiner wanted = new StringJoiner(",");
        for (String name : names) {
            String n = name.trim();
            if (!SIGNAL_NAMES.contains(n)) {
                throw new ExtensionConfigurationException("Lapse: " + origin + " has '" + n + "', which is not a"
                        + " signal ("
                        + Spelling.closest(n, SIGNAL_NAMES)
                                .map(s -> "did you mean '" + s + "'? ")
                                .orElse("")
                        + "one of " + Signal.names() + "; separate several with ',')");
            }
            wanted.add(n);
        }
        return wanted.toString();
    }

    private static <E extends Enum<E>> E parameter(ExtensionContext context, String key, Class<E> type, E fallback) {
        Optional<String> value = context.getConfigurationParameter(key);
        if (value.isEmpty()) {
            return fallback;
        }
        List<E> valid = Arrays.stream(type.getEnumConstants())
                .filter(e -> !e.name().equals("DEFAULT"))
                .toList();
        String given = value.get().trim();
        for (E e : valid) {
            if (e.name().equalsIgnoreCase(given)) {
                return e;
            }
        }
        List<String> names =
                valid.stream().map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
        throw new ExtensionConfigurationException("Lapse: configuration parameter '" + key + "' has bad value '"
                + value.get() + "': expected one of " + String.join(", ", names)
                + Spelling.closest(given, names)
                        .map(s -> " (did you mean '" + s + "'?)")
                        .orElse(""));
    }

    /** {@code LeakyFixture} or {@code LeakyFixture.leaks()}, for a message. */
    private static String name(AnnotatedElement e) {
        if (e instanceof Class<?> c) {
            return c.getSimpleName();
        }
        Method m = (Method) e;
        return m.getDeclaringClass().getSimpleName() + "." + m.getName() + "()";
    }
}
