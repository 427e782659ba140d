package dev.lapse.agent.config;

/** A bad agent option: an unknown key or a value that cannot be used. The message names it. */
public final class OptionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    OptionException(String message) {
        super(message);
    }
}
