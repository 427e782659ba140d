package dev.lapse.it.scenario;

import dev.lapse.it.scenario.Subjects.ChangeListener;
import dev.lapse.it.scenario.Subjects.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Eight threads add and remove listeners on one subject at once, each leaving a known number registered; the
 * report's counts must be exact.
 */
public final class Concurrent {
    public static final int THREADS = 8;
    public static final int PAIRS = 5_000;
    public static final int LEFT = 25;
    static final Model MODEL = new Model();
    static final List<Object> KEPT = new ArrayList<>();

    private Concurrent() {}

    static final class Owner {
        final ChangeListener listener = what -> touch();

        void touch() {}
    }

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<List<Owner>> kept = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            List<Owner> mine = new ArrayList<>();
            kept.add(mine);
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < PAIRS; i++) {
                    Owner o = new Owner();
                    MODEL.addChangeListener(o.listener);
                    MODEL.removeChangeListener(o.listener);
                }
                for (int i = 0; i < LEFT; i++) {
                    Owner o = new Owner();
                    MODEL.addChangeListener(o.listener);
                    mine.add(o);
                }
            });
            threads.add(thread);
            thread.start();
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        for (List<Owner> mine : kept) {
            KEPT.addAll(mine);
        }
        System.out.println("listeners left: " + MODEL.size());
    }
}
