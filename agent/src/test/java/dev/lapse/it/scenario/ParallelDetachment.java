package dev.lapse.it.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Four threads at once build and unbind forms on one shared model: a quarter of them forget a listener (partial
 * detachments), the rest remove all they added; and parents switch children in a shared pool. The counts in the
 * report must be exact.
 */
public final class ParallelDetachment {
    public static final int THREADS = 4;
    public static final int PER_THREAD = 200;
    static final List<Object> IN_USE = new ArrayList<>();

    private ParallelDetachment() {}

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Thread thread = new Thread(
                    () -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        List<Object> parents = new ArrayList<>();
                        for (int i = 0; i < PER_THREAD; i++) {
                            if (i % 4 == 0) {
                                new PartialDetachment.Form().unbind();
                                DetachedSubject.Parent parent =
                                        new DetachedSubject.Parent(DetachedSubject.pooledSafely());
                                parent.setChild(DetachedSubject.pooledSafely());
                                parents.add(parent);
                            } else {
                                new PartialDetachment.TidyForm().unbind();
                            }
                        }
                        synchronized (IN_USE) {
                            IN_USE.addAll(parents);
                        }
                    },
                    "detacher-" + t);
            threads.add(thread);
            thread.start();
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
