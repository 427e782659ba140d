package dev.lapse.it.scenario;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.management.MBeanServer;
import javax.management.MBeanServerDelegate;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;

/**
 * The JDK's registrations on JVM-wide singletons: one owner per API that ends its life and leaves its listener
 * behind, and beside each the healthy shapes that must stay quiet (removed at the end, or a service that lives as
 * long as the JVM and never ends). JDK logging configures its root handler and Lapse registers its exit hook:
 * neither is reported.
 */
public final class Singletons {
    /**
     * The application's logger, kept by its static field. Anonymous: at exit, JDK logging's own shutdown hook resets
     * every named logger, removing their handlers while Lapse's exit report runs (docs/recognised.md).
     */
    static final Logger AUDIT = Logger.getAnonymousLogger();

    private Singletons() {}

    static NotificationEmitter gcBean() {
        GarbageCollectorMXBean bean =
                ManagementFactory.getGarbageCollectorMXBeans().get(0);
        return (NotificationEmitter) bean;
    }

    /** A metrics binder listening to GC notifications, the way every metrics library does. */
    static final class GcWatcher {
        private long collections;

        GcWatcher() {
            gcBean().addNotificationListener((Notification n, Object handback) -> collections++, null, null);
        }

        void close() {}
    }

    /** The same binder, fixed: it keeps its listener and removes it when it closes. */
    static final class GcWatcherFixed {
        private long collections;
        private final NotificationListener listener = (n, handback) -> collections++;

        GcWatcherFixed() {
            gcBean().addNotificationListener(listener, null, null);
        }

        void close() throws Exception {
            gcBean().removeNotificationListener(listener);
        }
    }

    /** Listens to MBeans coming and going on the platform MBean server's delegate. */
    static final class DelegateWatcher {
        private int registered;

        DelegateWatcher() throws Exception {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            server.addNotificationListener(
                    MBeanServerDelegate.DELEGATE_NAME,
                    new NotificationListener() {
                        @Override
                        public void handleNotification(Notification n, Object handback) {
                            registered++;
                        }
                    },
                    null,
                    null);
        }

        void close() {}
    }

    /** Captures log records into its own buffer through a handler on a named logger. */
    static final class LogCapture {
        private final StringBuilder buffer = new StringBuilder();

        LogCapture() {
            AUDIT.addHandler(new Handler() {
                @Override
                public void publish(LogRecord r) {
                    buffer.append(r.getMessage());
                }

                @Override
                public void flush() {}

                @Override
                public void close() {}
            });
        }

        void close() {}
    }

    /** A client that registers a hook to shut itself down at exit, and leaves it there when shut down earlier. */
    static final class HookedClient {
        private final byte[] buffers = new byte[1024];

        HookedClient() {
            Runtime.getRuntime().addShutdownHook(new Thread() {
                @Override
                public void run() {
                    if (buffers.length < 0) {
                        HookedClient.this.shutdown();
                    }
                }
            });
        }

        void shutdown() {}
    }

    /**
     * The same client registering through a method reference, before any other code of the application calls the
     * runtime: the JDK's lambda class makes the call, and the runtime, which the launch did not instrument, must be
     * instrumented where the reference is made.
     */
    static final class ReferencedHookClient {
        private final byte[] buffers = new byte[1024];

        ReferencedHookClient() {
            Consumer<Thread> register = Runtime.getRuntime()::addShutdownHook;
            register.accept(new Thread() {
                @Override
                public void run() {
                    if (buffers.length < 0) {
                        ReferencedHookClient.this.shutdown();
                    }
                }
            });
        }

        void shutdown() {}
    }

    /** The same client, fixed: its shutdown takes the hook off the runtime. */
    static final class HookedClientFixed {
        private final Thread hook = new Thread(this::flush);

        HookedClientFixed() {
            Runtime.getRuntime().addShutdownHook(hook);
        }

        private void flush() {}

        void shutdown() {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }

    /** A service that lives as long as the JVM: its listeners on JVM-wide subjects are meant to stay. */
    static final class JvmWideService {
        private long collections;
        private int records;

        JvmWideService() {
            gcBean().addNotificationListener((n, handback) -> collections++, null, null);
            Logger.getLogger("").addHandler(new Handler() {
                @Override
                public void publish(LogRecord r) {
                    records++;
                }

                @Override
                public void flush() {}

                @Override
                public void close() {}
            });
            Runtime.getRuntime().addShutdownHook(new Thread(() -> records = 0));
        }
    }

    static JvmWideService service;

    public static void main(String[] args) throws Exception {
        new ReferencedHookClient().shutdown(); // first: no rewritten call to the runtime has run yet
        Logger.getLogger("dev.lapse.it").info("JDK logging configures its root handler"); // LogManager's own
        new GcWatcher().close();
        new GcWatcherFixed().close();
        new DelegateWatcher().close();
        new LogCapture().close();
        new HookedClient().shutdown();
        new HookedClientFixed().shutdown();
        service = new JvmWideService();
        System.gc();
        System.out.println("singletons done");
    }
}
