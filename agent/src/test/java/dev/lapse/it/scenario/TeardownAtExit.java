package dev.lapse.it.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A teardown still running on another thread when Lapse checks, as at an exit whose shutdown hooks run side by side
 * (a Spring Boot application's context closed by its own hook beside Lapse's). How it ends is the first argument:
 *
 * <ul>
 *   <li>{@code closing}: a thread is closing a server, which has stopped its connectors and, a step later, takes
 *       their listeners off the JVM-wide {@link #EVENTS}; the JVM exits between the two, and the closing thread waits
 *       for Lapse's exit check to be over before that step, so Lapse always checks in the middle of the teardown.
 *       Nothing is to be reported.
 *   <li>{@code removed-while-closing}: a thread is closing a host, whose mapper has taken its listener off the host's
 *       child and is still the host's part, which the child reaches through its host; the JVM exits before the host
 *       lets go of its parts. The removal did its work: nothing is reported.
 *   <li>{@code second-close}: one thread is closing a service and is still at it; {@code main} closes it too, a second
 *       {@code close()} that returns at once, then exits. The service has not finished ending: nothing is reported.
 *   <li>{@code done}: the same server closed by {@code main} before it exits, its close leaving the connectors'
 *       listeners on {@link #EVENTS}: two lapsed listeners, and likewise a service closed once and left registered.
 * </ul>
 */
public final class TeardownAtExit {
    static final Events EVENTS = new Events();

    private TeardownAtExit() {}

    /** A JVM-wide event source. */
    public static final class Events {
        private final List<Runnable> listeners = new ArrayList<>();

        public synchronized void addListener(Runnable l) {
            listeners.add(l);
        }

        public synchronized void removeListener(Runnable l) {
            listeners.remove(l);
        }
    }

    /** Listens to {@link #EVENTS}; its stop leaves that to the server. */
    public static final class Connector {
        final Runnable listener = this::onEvent;

        Connector() {
            EVENTS.addListener(listener);
        }

        void onEvent() {}

        public void stop() {}
    }

    /**
     * Listens to {@link #EVENTS} itself; its close stops its connectors, then (unless {@code forgets}) takes their
     * listeners off, after {@code between} ran, and its own.
     */
    public static final class Server {
        private final Runnable listener = this::onEvent;
        private final List<Connector> connectors = List.of(new Connector(), new Connector());
        private final boolean forgets;

        Server(boolean forgets) {
            this.forgets = forgets;
            EVENTS.addListener(listener);
        }

        void onEvent() {}

        public void close(Runnable between) {
            for (Connector c : connectors) {
                c.stop();
            }
            between.run();
            if (!forgets) {
                for (Connector c : connectors) {
                    EVENTS.removeListener(c.listener);
                }
            }
            EVENTS.removeListener(listener);
        }
    }

    /** A host's child, with listeners of its own, that knows its host (as a servlet wrapper knows its context). */
    public static final class Child {
        private final List<Runnable> listeners = new ArrayList<>();
        Host host;

        public synchronized void addListener(Runnable l) {
            listeners.add(l);
        }

        public synchronized void removeListener(Runnable l) {
            listeners.remove(l);
        }
    }

    /** Listens, itself, to its host's child from its start to its stop (as Tomcat's mapper listener does). */
    public static final class Mapper implements Runnable {
        private Child child;

        void start(Child c) {
            child = c;
            c.addListener(this);
        }

        @Override
        public void run() {}

        public void stop() {
            child.removeListener(this);
        }
    }

    /** Holds its child and its mapper; its close stops the mapper, then (after {@code between}) lets go of both. */
    public static final class Host {
        private final Runnable listener = () -> {};
        private Child child = new Child();
        private Mapper mapper = new Mapper();

        Host() {
            child.host = this;
            mapper.start(child);
            EVENTS.addListener(listener);
        }

        public void close(Runnable between) {
            mapper.stop();
            between.run();
            mapper = null;
            child = null;
            EVENTS.removeListener(listener);
        }
    }

    /** Listens to {@link #EVENTS}; a second close while the first runs returns at once. */
    public static final class Service {
        private final Runnable listener = this::onEvent;
        private final CountDownLatch closing = new CountDownLatch(1);
        private boolean closed;

        Service() {
            EVENTS.addListener(listener);
        }

        void onEvent() {}

        public void close() throws InterruptedException {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            closing.countDown();
            Thread.sleep(Long.MAX_VALUE); // still closing when the JVM exits
            EVENTS.removeListener(listener);
        }
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "closing" -> {
                Server server = new Server(false);
                CountDownLatch stopped = new CountDownLatch(1);
                Thread closer = new Thread(
                        () -> server.close(() -> {
                            stopped.countDown();
                            awaitLapseCheck();
                        }),
                        "closer");
                closer.start();
                stopped.await(); // its connectors have ended; the listeners come off once Lapse has checked
                System.exit(0);
            }
            case "removed-while-closing" -> {
                Host host = new Host();
                CountDownLatch stopped = new CountDownLatch(1);
                Thread closer = new Thread(
                        () -> host.close(() -> {
                            stopped.countDown();
                            awaitLapseCheck();
                        }),
                        "closer");
                closer.start();
                stopped.await(); // the mapper has taken its listener off; the host still holds it and its child
                System.exit(0);
            }
            case "second-close" -> {
                Service service = new Service();
                Thread first = new Thread(
                        () -> {
                            try {
                                service.close();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "first-close");
                first.setDaemon(true);
                first.start();
                service.closing.await();
                service.close();
                System.exit(0);
            }
            case "done" -> {
                new Server(true).close(() -> {});
                Service closedOnce = new Service();
                closedOnce.closed = true; // what a finished close leaves: closed, and (its bug) still registered
                closedOnce.close();
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** Waits, bounded, for Lapse's exit check (its thread) to be over: the test's way to land inside the teardown. */
    private static void awaitLapseCheck() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try {
            while (System.nanoTime() < deadline) {
                for (Thread t : Thread.getAllStackTraces().keySet()) {
                    if (t.getName().equals("lapse-exit-report")) {
                        t.join(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + 1);
                        return;
                    }
                }
                Thread.sleep(10); // the JVM starts the hooks one after another
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
