package dev.lapse.junit5;

/** A test left a lapsed listener behind; the message is the text finding (chain, site, fix). */
public final class LapsedListenerError extends AssertionError {
    private static final long serialVersionUID = 1L;

    LapsedListenerError(String message) {
        super(message);
    }
}
