package dev.lapse.agent.cli;

/** A command failed for a reason the user can act on; its message is the one line printed. */
final class CommandException extends Exception {
    private static final long serialVersionUID = 1L;

    CommandException(String message) {
        super(message);
    }
}
