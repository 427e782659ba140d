package dev.lapse.it.scenario;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Registration APIs whose names say nothing: a context's close hooks, a close future's {@code add}/{@code remove}
 * (Vert.x's shape), sinks in an array, watchers whose add returns the handle that undoes it (an application class,
 * and a lambda {@code AutoCloseable}). Each has one owner that ended and left itself registered, and one that
 * removed itself. A container of the application's own, a builder and a value list take owners that end too: their
 * {@code add} is no registration, and nothing is reported.
 */
public final class UnnamedApis {
    static final Context CONTEXT = new Context();
    static final CloseFuture CLOSE_FUTURE = new CloseFuture();
    static final Bus BUS = new Bus();
    static final Watchers WATCHERS = new Watchers();
    static final Tasks TASKS = new Tasks();
    static final List<Pipeline> PIPELINES = new ArrayList<>();

    private UnnamedApis() {}

    /** A long-lived context that closes what it was given when it closes itself. */
    public static final class Context {
        private final List<Closeable> hooks = new ArrayList<>();

        public void addCloseHook(Closeable hook) {
            hooks.add(hook);
        }

        public void removeCloseHook(Closeable hook) {
            hooks.remove(hook);
        }
    }

    /** Vert.x's shape: a bare add and remove of close hooks, kept in a map created on first use. */
    public static final class CloseFuture {
        private Map<Closeable, CloseFuture> hooks;

        public synchronized boolean add(Closeable hook) {
            if (hooks == null) {
                hooks = new LinkedHashMap<>();
            }
            hooks.put(hook, this);
            return true;
        }

        public synchronized boolean remove(Closeable hook) {
            return hooks != null && hooks.remove(hook) != null;
        }
    }

    /** Sinks in a copy-on-write array. */
    public static final class Bus {
        private Consumer<String>[] sinks = newArray(0);

        @SuppressWarnings("unchecked")
        private static Consumer<String>[] newArray(int n) {
            return (Consumer<String>[]) new Consumer<?>[n];
        }

        public synchronized void addSink(Consumer<String> sink) {
            Consumer<String>[] more = newArray(sinks.length + 1);
            System.arraycopy(sinks, 0, more, 0, sinks.length);
            more[sinks.length] = sink;
            sinks = more;
        }

        public synchronized void removeSink(Consumer<String> sink) {
            List<Consumer<String>> kept = new ArrayList<>(List.of(sinks));
            kept.remove(sink);
            sinks = kept.toArray(newArray(0));
        }
    }

    /** The application's own container of tasks: an Iterable, whose add is no registration. */
    public static final class Tasks implements Iterable<Runnable> {
        private final List<Runnable> tasks = new ArrayList<>();

        public void add(Runnable task) {
            tasks.add(task);
        }

        public void remove(Runnable task) {
            tasks.remove(task);
        }

        @Override
        public Iterator<Runnable> iterator() {
            return tasks.iterator();
        }
    }

    /** A builder: add returns itself. */
    public static final class Pipeline {
        private final List<Runnable> stages = new ArrayList<>();

        public Pipeline addStage(Runnable stage) {
            stages.add(stage);
            return this;
        }

        public Pipeline removeStage(Runnable stage) {
            stages.remove(stage);
            return this;
        }
    }

    /** Registers itself as a close hook and leaves it there when it closes. */
    static final class Client implements Closeable {
        private final byte[] buffer = new byte[4096];

        Client() {
            CONTEXT.addCloseHook(this);
        }

        @Override
        public void close() {}
    }

    /** The same, fixed. */
    static final class ClientFixed implements Closeable {
        ClientFixed() {
            CONTEXT.addCloseHook(this);
        }

        @Override
        public void close() {
            CONTEXT.removeCloseHook(this);
        }
    }

    /** Vert.x's shape: the client adds itself to the close future of what created it. */
    static final class NetClient implements Closeable {
        NetClient() {
            CLOSE_FUTURE.add(this);
        }

        @Override
        public void close() {}
    }

    static final class NetClientFixed implements Closeable {
        NetClientFixed() {
            CLOSE_FUTURE.add(this);
        }

        @Override
        public void close() {
            CLOSE_FUTURE.remove(this);
        }
    }

    /** Watchers of a directory; no remove method: the add returns the handle that takes the watcher off. */
    public static final class Watchers {
        private final List<Consumer<String>> watchers = new ArrayList<>();

        public Watch addWatcher(Consumer<String> watcher) {
            watchers.add(watcher);
            return new Watch(this, watcher);
        }

        public AutoCloseable addProbe(Consumer<String> probe) {
            watchers.add(probe);
            return () -> watchers.remove(probe);
        }

        void remove(Consumer<String> watcher) {
            watchers.remove(watcher);
        }
    }

    /** The handle {@link Watchers#addWatcher} returns. */
    public static final class Watch {
        private final Watchers watchers;
        private final Consumer<String> watcher;

        Watch(Watchers watchers, Consumer<String> watcher) {
            this.watchers = watchers;
            this.watcher = watcher;
        }

        public void close() {
            watchers.remove(watcher);
        }
    }

    /** Drops the handles its adds returned, and leaves its watcher and its probe behind when disposed. */
    static final class FileView {
        private int changes;

        FileView() {
            WATCHERS.addWatcher(path -> changes++);
        }

        void dispose() {}
    }

    /** The same, with a probe whose handle is a lambda. */
    static final class ProbeView {
        private int probes;

        ProbeView() {
            WATCHERS.addProbe(path -> probes++);
        }

        void dispose() {}
    }

    /** Keeps both handles and closes them. */
    static final class FileViewFixed {
        private int changes;
        private final Watch watch;
        private final AutoCloseable probe;

        FileViewFixed() {
            watch = WATCHERS.addWatcher(path -> changes++);
            probe = WATCHERS.addProbe(path -> changes++);
        }

        void dispose() throws Exception {
            watch.close();
            probe.close();
        }
    }

    /** A view whose lambda sink stays on the bus after it is disposed. */
    static final class LogView {
        private final StringBuilder lines = new StringBuilder();

        LogView() {
            BUS.addSink(line -> lines.append(line));
        }

        void dispose() {}
    }

    /** Puts work in the application's container and a builder, then ends: neither holds a registration. */
    static final class Worker {
        private int done;

        Worker() {
            TASKS.add(() -> done++);
            PIPELINES.add(new Pipeline().addStage(() -> done++));
        }

        void close() {}
    }

    public static void main(String[] args) throws Exception {
        new Client().close();
        new ClientFixed().close();
        new NetClient().close();
        new NetClientFixed().close();
        new LogView().dispose();
        new Worker().close();
        new FileView().dispose();
        new ProbeView().dispose();
        new FileViewFixed().dispose();
        System.out.println("unnamed done");
    }
}
