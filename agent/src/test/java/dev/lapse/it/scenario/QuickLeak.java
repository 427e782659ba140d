package dev.lapse.it.scenario;

import dev.lapse.it.scenario.Subjects.ChangeListener;
import dev.lapse.it.scenario.Subjects.Model;

/** The smallest leak: an anonymous listener of a disposed view stays registered on a static model. */
public final class QuickLeak {
    static final Model MODEL = new Model();

    static final class View {
        String last;

        View() {
            MODEL.addChangeListener(new ChangeListener() {
                @Override
                public void changed(String what) {
                    last = what;
                }
            });
        }

        void dispose() {
            // the bug: no removeChangeListener
        }
    }

    public static void main(String[] args) {
        new View().dispose();
    }
}
