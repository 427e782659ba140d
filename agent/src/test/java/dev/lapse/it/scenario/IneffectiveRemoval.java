package dev.lapse.it.scenario;

import dev.lapse.it.scenario.Subjects.ChangeListener;
import dev.lapse.it.scenario.Subjects.Model;
import java.util.ArrayList;
import java.util.List;

/**
 * Removals that remove nothing, and removals that only look alike. The owners stay reachable from {@link #LIVE}
 * (an application that still uses them), so the failed removal is the only signal each has.
 */
public final class IneffectiveRemoval {
    static final Model MODEL = new Model();
    static final List<Object> LIVE = new ArrayList<>();

    private IneffectiveRemoval() {}

    /** Adds {@code this::changed} and "removes" a second {@code this::changed}: a different object. */
    static final class MethodRefTwice {
        MethodRefTwice() {
            MODEL.addChangeListener(this::changed);
        }

        void changed(String what) {}

        void stop() {
            MODEL.removeChangeListener(this::changed); // removes nothing
        }
    }

    /** Keeps the instance it adds and removes that one: effective. */
    static final class KeepsItsListener {
        private final ChangeListener listener = this::changed;

        KeepsItsListener() {
            MODEL.addChangeListener(listener);
        }

        void changed(String what) {}

        void stop() {
            MODEL.removeChangeListener(listener);
        }
    }

    /** A listener class of its own, never added. */
    static final class Other implements ChangeListener {
        @Override
        public void changed(String what) {}
    }

    /** Removes a listener of another class that it never added, defensively, and keeps its own: says nothing. */
    static final class DefensiveRemove {
        private final ChangeListener listener = this::changed;
        private final ChangeListener other = new Other();

        DefensiveRemove() {
            MODEL.addChangeListener(listener);
        }

        void changed(String what) {}

        void reset() {
            MODEL.removeChangeListener(other);
        }
    }

    /** Adds twice with two instances, removes one of them: the other stays, but it removed something. */
    static final class AddedTwice {
        AddedTwice() {
            MODEL.addChangeListener(this::changed);
            ChangeListener second = this::changed;
            MODEL.addChangeListener(second);
            MODEL.removeChangeListener(second);
        }

        void changed(String what) {}
    }

    public static void main(String[] args) {
        MethodRefTwice leaky = new MethodRefTwice();
        leaky.stop();
        KeepsItsListener tidy = new KeepsItsListener();
        tidy.stop();
        DefensiveRemove defensive = new DefensiveRemove();
        defensive.reset();
        AddedTwice twice = new AddedTwice();
        LIVE.add(leaky);
        LIVE.add(tidy);
        LIVE.add(defensive);
        LIVE.add(twice);
    }
}
