package dev.lapse.it.scenario;

import java.beans.PropertyChangeListener;
import java.beans.PropertyChangeSupport;

/**
 * Fixes must name code that exists: a subject that is a singleton's {@code AppModel.INSTANCE}, held by no field of the
 * owner; a subject no field holds at all, where the fix says so instead of inventing a variable.
 */
public final class FixExpressions {
    private FixExpressions() {}

    /** A singleton model, reached as {@code AppModel.INSTANCE}. */
    public static final class AppModel {
        public static final AppModel INSTANCE = new AppModel();
        private final PropertyChangeSupport support = new PropertyChangeSupport(this);

        public void addListener(PropertyChangeListener l) {
            support.addPropertyChangeListener(l);
        }

        public void removeListener(PropertyChangeListener l) {
            support.removePropertyChangeListener(l);
        }
    }

    /** Registers on the singleton, and forgets it at its end. */
    static final class Clock {
        Clock() {
            AppModel.INSTANCE.addListener(e -> tick());
        }

        void tick() {}

        void dispose() {}
    }

    /** A model handed to the constructor and not kept. */
    static final class Feed {
        private final PropertyChangeSupport support = new PropertyChangeSupport(this);

        void addFeedListener(PropertyChangeListener l) {
            support.addPropertyChangeListener(l);
        }

        void removeFeedListener(PropertyChangeListener l) {
            support.removePropertyChangeListener(l);
        }
    }

    static final class Ticker {
        Ticker(Feed feed) {
            feed.addFeedListener(e -> tick());
        }

        void tick() {}

        void close() {}
    }

    public static void main(String[] args) {
        new Clock().dispose();
        new Ticker(holder()).close();
        System.out.println("fix expressions done");
    }

    /** The feed, from a method: no field of the ticker's holds it. */
    private static Feed holder() {
        return Registry.FEED;
    }

    /** Not an enclosing class of the ticker's: its field is not an expression the ticker's code uses. */
    private static final class Registry {
        static final Feed FEED = new Feed();
    }
}
