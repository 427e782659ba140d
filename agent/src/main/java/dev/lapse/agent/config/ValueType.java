package dev.lapse.agent.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How an option's text becomes a typed value and back: what {@link #parse} accepts, {@link #format} writes
 * (the canonical text, which parses back to the same value) and {@link #values} says in words for the
 * documentation and the error messages.
 *
 * @param <T> the value's type
 */
public final class ValueType<T> {
    /** Separates the items of a list inside an option's value, since {@code ,} separates the options. */
    public static final String LIST_SEPARATOR = ":";

    private static final Pattern JAVA_NAME = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*");
    private static final Pattern CLASS_PATTERN = Pattern.compile("[\\p{L}\\p{N}_$.*?]+");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");

    private final String values;
    private final Reader<T> reader;
    private final Function<T, String> writer;

    private ValueType(String values, Reader<T> reader, Function<T, String> writer) {
        this.values = values;
        this.reader = reader;
        this.writer = writer;
    }

    /** Reads one value; a value it refuses is a {@link BadValue}. */
    @FunctionalInterface
    private interface Reader<T> {
        T read(String text) throws BadValue;
    }

    /** A text the type does not accept: the part that is wrong and what was expected there. */
    static final class BadValue extends Exception {
        private static final long serialVersionUID = 1L;

        final String text;
        final String expected;
        /** Whether {@link #text} is one item of a list rather than the whole value. */
        final boolean item;

        BadValue(String text, String expected, boolean item) {
            super(null, null, false, false);
            this.text = text;
            this.expected = expected;
            this.item = item;
        }
    }

    /**
     * The value of {@code text}.
     *
     * @throws BadValue naming what is wrong in it
     */
    T parse(String text) throws BadValue {
        return reader.read(text);
    }

    /**
     * The value of {@code text}, for a command line's flag as for an option.
     *
     * @param subject what the text was given as, to start the message: {@code option 'formats'}, {@code --formats}
     * @throws OptionException {@code SUBJECT has bad value 'x': expected ...}, or for an item of a list
     *     {@code SUBJECT has 'x', which is not ... (separate several with ':')}
     */
    public T read(String text, String subject) {
        try {
            return parse(text);
        } catch (BadValue e) {
            throw new OptionException(
                    e.item
                            ? subject + " has '" + e.text + "', which is not " + e.expected
                                    + " (separate several with '" + LIST_SEPARATOR + "')"
                            : subject + " has bad value '" + e.text + "': expected " + e.expected);
        }
    }

    /** The canonical text of {@code value}: what {@link #parse} reads back as the same value. */
    String format(T value) {
        return writer.apply(value);
    }

    /** The accepted values, in words: {@code a whole number above 0}, {@code one of json, txt, html, sarif}. */
    public String values() {
        return values;
    }

    /** A whole number above 0. */
    static ValueType<Integer> positiveInt() {
        String expected = "a whole number above 0";
        return new ValueType<>(
                expected,
                text -> {
                    try {
                        int n = Integer.parseInt(text);
                        if (n > 0) {
                            return n;
                        }
                    } catch (NumberFormatException e) {
                        // refused below
                    }
                    throw new BadValue(text, expected, false);
                },
                n -> Integer.toString(n));
    }

    /** {@code true} or {@code false}, in any case. */
    static ValueType<Boolean> bool() {
        String expected = "true or false";
        return new ValueType<>(
                expected,
                text -> {
                    switch (text.toLowerCase(Locale.ROOT)) {
                        case "true":
                            return true;
                        case "false":
                            return false;
                        default:
                            throw new BadValue(text, expected, false);
                    }
                },
                b -> Boolean.toString(b));
    }

    /**
     * A whole number of milliseconds, seconds or minutes: {@code 500ms}, {@code 10s}, {@code 2m}; a bare number is
     * milliseconds. Written in the largest of these units that holds it exactly.
     *
     * @param zeroAllowed whether {@code 0s} is a value (else a duration must be above 0)
     */
    static ValueType<Duration> duration(boolean zeroAllowed) {
        String expected = "a duration " + (zeroAllowed ? "" : "above 0 ") + "such as 500ms, 10s or 2m";
        return new ValueType<>(
                expected,
                text -> {
                    Matcher m = DURATION.matcher(text);
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
                            // refused below
                        }
                    }
                    throw new BadValue(text, expected, false);
                },
                ValueType::formatDuration);
    }

    private static String formatDuration(Duration d) {
        long millis = d.toMillis();
        if (millis != 0 && millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1_000 == 0) {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }

    /**
     * A file or directory, made absolute against the working directory (the JVM's, where the user gave it) and
     * normalised. Nothing is checked on disk: the runtime does that at start-up.
     *
     * @param what what it names, in words: {@code a directory}, {@code a file}
     */
    static ValueType<Path> path(String what) {
        return new ValueType<>(what, text -> toPath(text, what), Path::toString);
    }

    /** Like {@link #path}, where an empty text means none. */
    static ValueType<Optional<Path>> optionalPath(String what) {
        return new ValueType<>(
                what,
                text -> text.isEmpty() ? Optional.empty() : Optional.of(toPath(text, what)),
                p -> p.map(Path::toString).orElse(""));
    }

    private static Path toPath(String text, String what) throws BadValue {
        if (text.isEmpty()) {
            throw new BadValue(text, what, false);
        }
        try {
            return Paths.get(text).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new BadValue(text, what + " (" + e.getMessage() + ")", false);
        }
    }

    /** A Java identifier, such as a method name. */
    static ValueType<String> javaName(String what) {
        return matching(JAVA_NAME, what);
    }

    /** A class name pattern: a qualified name with {@code *} and {@code ?} wildcards. */
    static ValueType<String> classPattern() {
        return matching(CLASS_PATTERN, "a class name pattern");
    }

    private static ValueType<String> matching(Pattern pattern, String what) {
        return new ValueType<>(
                what,
                text -> {
                    if (pattern.matcher(text).matches()) {
                        return text;
                    }
                    throw new BadValue(text, what, false);
                },
                Function.identity());
    }

    /**
     * One of the constants of a closed set, by the name {@code name} gives it (its wire name, as users type
     * it; exact, case included).
     */
    static <E extends Enum<E>> ValueType<E> oneOf(E[] constants, Function<E, String> name) {
        String expected = "one of " + Arrays.stream(constants).map(name).collect(Collectors.joining(", "));
        return new ValueType<>(
                expected,
                text -> {
                    for (E e : constants) {
                        if (name.apply(e).equals(text)) {
                            return e;
                        }
                    }
                    throw new BadValue(text, expected, false);
                },
                name);
    }

    /**
     * Items of {@code item}, separated by {@value #LIST_SEPARATOR}, in the order given and without repeats.
     *
     * @param allowEmpty whether an empty text is the empty list (else it is an item, and refused as one)
     */
    static <E> ValueType<List<E>> listOf(ValueType<E> item, boolean allowEmpty) {
        return new ValueType<>(
                item.values + ", several separated by `" + LIST_SEPARATOR + "`",
                text -> {
                    if (allowEmpty && text.isEmpty()) {
                        return List.of();
                    }
                    LinkedHashSet<E> items = new LinkedHashSet<>();
                    for (String part : text.split(Pattern.quote(LIST_SEPARATOR), -1)) {
                        try {
                            items.add(item.parse(part));
                        } catch (BadValue e) {
                            throw new BadValue(e.text, e.expected, true);
                        }
                    }
                    return List.copyOf(items);
                },
                list -> list.stream().map(item::format).collect(Collectors.joining(LIST_SEPARATOR)));
    }
}
