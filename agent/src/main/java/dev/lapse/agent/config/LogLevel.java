package dev.lapse.agent.config;

import java.util.Locale;

/** How much the agent logs on standard error (option {@code log}): this level and the ones above it. */
public enum LogLevel implements ValueType.Named {
    DEBUG,
    INFO,
    WARN,
    ERROR,
    /** Nothing, start-up errors excepted: they are one line whatever the level. */
    OFF;

    /** The name in the {@code log=} option: {@code debug}, {@code info}, ... */
    @Override
    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }
}
