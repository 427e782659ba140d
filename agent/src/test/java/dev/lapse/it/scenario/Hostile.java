package dev.lapse.it.scenario;

import dev.lapse.it.scenario.Subjects.ChangeListener;
import dev.lapse.it.scenario.Subjects.IdentityModel;

/**
 * Listeners whose {@code equals}, {@code hashCode} and {@code toString} throw. The application never calls them
 * (its subject works by identity); the agent must not either. Prints what the application saw.
 */
public final class Hostile {
    static final IdentityModel MODEL = new IdentityModel();

    private Hostile() {}

    static class Landmine {
        @Override
        public boolean equals(Object o) {
            throw new IllegalStateException("equals must not be called");
        }

        @Override
        public int hashCode() {
            throw new IllegalStateException("hashCode must not be called");
        }

        @Override
        public String toString() {
            throw new IllegalStateException("toString must not be called");
        }
    }

    /** A hostile owner that registers itself and leaks. */
    static final class HostileView extends Landmine implements ChangeListener {
        int seen;

        HostileView() {
            MODEL.addChangeListener(this);
        }

        @Override
        public void changed(String what) {
            seen++;
        }

        void dispose() {}
    }

    /** A hostile listener that is removed properly. */
    static final class HostileListener extends Landmine implements ChangeListener {
        int seen;

        @Override
        public void changed(String what) {
            seen++;
        }
    }

    public static void main(String[] args) {
        HostileListener tidy = new HostileListener();
        MODEL.addChangeListener(tidy);
        HostileView leaky = new HostileView();
        MODEL.fire("one");
        MODEL.removeChangeListener(tidy);
        leaky.dispose();
        MODEL.fire("two");
        System.out.println("tidy saw " + tidy.seen + ", leaky saw " + leaky.seen + ", listeners " + MODEL.size());
    }
}
