package dev.lapse.agent.config;

/**
 * One agent option: its key, the type of its value, its default as a user would write it, and what it does.
 * {@link AgentOptions} declares one per option; the key list, the parser, the effective options, the canonical
 * argument, the command line's option list and {@code docs/options.md} are all derived from these.
 *
 * @param key the name before {@code =}
 * @param type how the value is read and written
 * @param defaultText the value when the key is not given, in the option's own syntax ({@code ""} for none)
 * @param description what the option does, one or more sentences; {@code `code`} marks literal text
 * @param <T> the value's type
 */
public record Option<T>(String key, ValueType<T> type, String defaultText, String description) {

    /** Checks the default against the type once, so a default that does not parse fails at class initialisation. */
    public Option {
        try {
            type.parse(defaultText);
        } catch (ValueType.BadValue e) {
            throw new IllegalArgumentException(
                    "option " + key + ": default '" + defaultText + "' is not " + e.expected);
        }
    }

    /**
     * Identity, as for the singletons options are: {@link AgentOptions} keys its maps by them, and a record's own
     * {@code equals} and {@code hashCode} are linked through {@code invokedynamic} at their first call, which costs a
     * JVM's start tens of milliseconds of method handles.
     */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /**
     * The value of {@code text}.
     *
     * @throws OptionException naming this key, the bad text and what was expected
     */
    T parse(String text) {
        return type.read(text, "option '" + key + "'");
    }

    /** The value when the key is not given. */
    T defaultValue() {
        return parse(defaultText);
    }

    /** The canonical text of one of this option's values. */
    String format(Object value) {
        @SuppressWarnings("unchecked")
        T typed = (T) value;
        return type.format(typed);
    }

    /**
     * A problem with this option's value that only start-up can see (a file that cannot be read, a directory
     * that cannot be created), as the one line that refuses the start.
     *
     * @param what what is wrong, after {@code option 'key' }: {@code names /x, which cannot be read (...)}
     */
    public OptionException problem(String what) {
        return new OptionException("option '" + key + "' " + what);
    }
}
