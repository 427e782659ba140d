package dev.lapse.it.scenario;

import dev.lapse.it.scenario.Subjects.ChangeListener;
import dev.lapse.it.scenario.Subjects.Model;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Owners that are collectable without the agent must be collectable with it: registered, removed or not, ended
 * or not, together with their subjects. Exits 3 when one survives repeated full collections.
 */
public final class KeepsNothingAlive {
    private KeepsNothingAlive() {}

    static final class View implements ChangeListener {
        final ChangeListener lambda = what -> changed(what);

        @Override
        public void changed(String what) {}

        void dispose() {}
    }

    public static void main(String[] args) throws InterruptedException {
        List<WeakReference<Object>> refs = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Model subject = new Model();
            View v = new View();
            subject.addChangeListener(v);
            subject.addChangeListener(v.lambda);
            if (i % 2 == 0) {
                subject.removeChangeListener(v);
            }
            if (i % 3 == 0) {
                v.dispose();
            }
            refs.add(new WeakReference<>(v));
            refs.add(new WeakReference<>(subject));
        }
        for (int i = 0; i < 100 && refs.stream().anyMatch(r -> r.get() != null); i++) {
            System.gc();
            Thread.sleep(20);
        }
        long alive = refs.stream().filter(r -> r.get() != null).count();
        System.out.println("alive after GC: " + alive);
        System.exit(alive == 0 ? 0 : 3);
    }
}
