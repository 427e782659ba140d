package dev.lapse.agent.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an option's text becomes a typed value and back: what {@link #parse} accepts, {@link #format} writes
 * (the canonical text, which parses back to the same value) and {@link #values} says in words for the
 * documentation and the error messages. Each type is a {@link Kind} that {@link #parse} and {@link #format} switch
 * over, rather than a pair of lambdas: the options are declared when the agent starts, and a lambda each would be
 * spun into a class of its own on the launch path.
 *
 * @param <T> the value's type
 */
public final class ValueType<T> {
    /** Separates the items of a list inside an option's value, since {@code ,} separates the options. */
    public static final String LIST_SEPARATOR = ":";

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");
    private static final Pattern SEPARATOR = Pattern.compile(Pattern.quote(LIST_SEPARATOR));

    private enum Kind {
        POSITIVE_INT,
        BOOL,
        DURATION,
        PATH,
        OPTIONAL_PATH,
        JAVA_NAME,
        CLASS_PATTERN,
        ONE_OF,
        LIST
    }

    private final Kind kind;
    private final String values;
    /** {@link Kind#DURATION}: whether {@code 0s} is a value; {@link Kind#LIST}: whether the empty text is. */
    private final boolean emptyAllowed;
    /** {@link Kind#PATH}, {@link Kind#OPTIONAL_PATH}: what the text names, in words. */
    private final String what;
    /** {@link Kind#ONE_OF}: the constants, by their option names. */
    private final Named[] constants;
    /** {@link Kind#LIST}: the items' type. */
    private final ValueType<?> item;

    private ValueType(
            Kind kind, String values, boolean emptyAllowed, String what, Named[] constants, ValueType<?> item) {
        this.kind = kind;
        this.values = values;
        this.emptyAllowed = emptyAllowed;
        this.what = what;
        this.constants = constants;
        this.item = item;
    }

    private static <T> ValueType<T> of(Kind kind, String values) {
        return new ValueType<>(kind, values, false, values, null, null);
    }

    /** A constant of a closed set that options name: its wire name, as users type it. */
    public interface Named {
        String option();
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
    @SuppressWarnings("unchecked") // each kind reads the type its factory method declares
    T parse(String text) throws BadValue {
        return (T) read(text);
    }

    private Object read(String text) throws BadValue {
        switch (kind) {
            case POSITIVE_INT:
                try {
                    int n = Integer.parseInt(text);
                    if (n > 0) {
                        return n;
                    }
                } catch (NumberFormatException e) {
                    // refused below
                }
                break;
            case BOOL:
                switch (text.toLowerCase(Locale.ROOT)) {
                    case "true":
                        return true;
                    case "false":
                        return false;
                    default:
                        break;
                }
                break;
            case DURATION:
                Duration d = duration(text);
                if (d != null && (!d.isZero() || emptyAllowed)) {
                    return d;
                }
                break;
            case PATH:
                return toPath(text, what);
            case OPTIONAL_PATH:
                return text.isEmpty() ? Optional.empty() : Optional.of(toPath(text, what));
            case JAVA_NAME:
            case CLASS_PATTERN:
                if (isName(text, kind == Kind.CLASS_PATTERN)) {
                    return text;
                }
                break;
            case ONE_OF:
                for (Named e : constants) {
                    if (e.option().equals(text)) {
                        return e;
                    }
                }
                break;
            case LIST:
                return list(text);
        }
        throw new BadValue(text, values, false);
    }

    /**
     * Whether {@code text} is a Java name: a letter, {@code _} or {@code $}, then letters, digits (Unicode's), {@code _}
     * or {@code $}; or, as a class name pattern, any of those and {@code .}, {@code *}, {@code ?}. Read code point by
     * code point, as a regular expression with Unicode categories would: compiling one costs a JVM's start a
     * measurable part of what the options cost.
     */
    private static boolean isName(String text, boolean pattern) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean ok = Character.isLetter(c)
                    || c == '_'
                    || c == '$'
                    || ((i > 0 || pattern) && isNumber(c))
                    || (pattern && (c == '.' || c == '*' || c == '?'));
            if (!ok) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /** Unicode's category N, as {@code \p{N}} has it: decimal digits, letter numbers and other numbers. */
    private static boolean isNumber(int c) {
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    private static Duration duration(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "ms" : m.group(2);
            return unit.equals("ms")
                    ? Duration.ofMillis(n)
                    : unit.equals("s") ? Duration.ofSeconds(n) : Duration.ofMinutes(n);
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private List<Object> list(String text) throws BadValue {
        if (emptyAllowed && text.isEmpty()) {
            return List.of();
        }
        LinkedHashSet<Object> items = new LinkedHashSet<>();
        for (String part : SEPARATOR.split(text, -1)) {
            try {
                items.add(item.parse(part));
            } catch (BadValue e) {
                throw new BadValue(e.text, e.expected, true);
            }
        }
        return List.copyOf(items);
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
        return write(value);
    }

    private String write(Object value) {
        switch (kind) {
            case DURATION:
                return formatDuration((Duration) value);
            case OPTIONAL_PATH:
                Optional<?> path = (Optional<?>) value;
                return path.isPresent() ? path.get().toString() : "";
            case ONE_OF:
                return ((Named) value).option();
            case LIST:
                StringBuilder text = new StringBuilder();
                for (Object o : (List<?>) value) {
                    text.append(text.length() == 0 ? "" : LIST_SEPARATOR).append(item.write(o));
                }
                return text.toString();
            case POSITIVE_INT:
            case BOOL:
            case PATH:
            case JAVA_NAME:
            case CLASS_PATTERN:
                return value.toString();
        }
        throw new IllegalStateException(kind.name());
    }

    /** The accepted values, in words: {@code a whole number above 0}, {@code one of json, txt, html, sarif}. */
    public String values() {
        return values;
    }

    /** A whole number above 0. */
    static ValueType<Integer> positiveInt() {
        return of(Kind.POSITIVE_INT, "a whole number above 0");
    }

    /** {@code true} or {@code false}, in any case. */
    static ValueType<Boolean> bool() {
        return of(Kind.BOOL, "true or false");
    }

    /**
     * A whole number of milliseconds, seconds or minutes: {@code 500ms}, {@code 10s}, {@code 2m}; a bare number is
     * milliseconds. Written in the largest of these units that holds it exactly.
     *
     * @param zeroAllowed whether {@code 0s} is a value (else a duration must be above 0)
     */
    static ValueType<Duration> duration(boolean zeroAllowed) {
        String expected = "a duration " + (zeroAllowed ? "" : "above 0 ") + "such as 500ms, 10s or 2m";
        return new ValueType<>(Kind.DURATION, expected, zeroAllowed, null, null, null);
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
        return of(Kind.PATH, what);
    }

    /** Like {@link #path}, where an empty text means none. */
    static ValueType<Optional<Path>> optionalPath(String what) {
        return of(Kind.OPTIONAL_PATH, what);
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
        return of(Kind.JAVA_NAME, what);
    }

    /** A class name pattern: a qualified name with {@code *} and {@code ?} wildcards. */
    static ValueType<String> classPattern() {
        return of(Kind.CLASS_PATTERN, "a class name pattern");
    }

    /** One of the constants of a closed set, by its option name (exact, case included). */
    static <E extends Enum<E> & Named> ValueType<E> oneOf(E[] constants) {
        StringBuilder expected = new StringBuilder("one of ");
        for (int i = 0; i < constants.length; i++) {
            expected.append(i == 0 ? "" : ", ").append(constants[i].option());
        }
        return new ValueType<>(Kind.ONE_OF, expected.toString(), false, null, constants.clone(), null);
    }

    /**
     * Items of {@code item}, separated by {@value #LIST_SEPARATOR}, in the order given and without repeats.
     *
     * @param allowEmpty whether an empty text is the empty list (else it is an item, and refused as one)
     */
    static <E> ValueType<List<E>> listOf(ValueType<E> item, boolean allowEmpty) {
        return new ValueType<>(
                Kind.LIST,
                item.values + ", several separated by `" + LIST_SEPARATOR + "`",
                allowEmpty,
                null,
                null,
                item);
    }
}
