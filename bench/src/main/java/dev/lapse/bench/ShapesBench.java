package dev.lapse.bench;

import dev.lapse.bench.app.ChangeListener;
import dev.lapse.bench.app.GeneratedOwners;
import dev.lapse.bench.app.Model;
import dev.lapse.bench.app.Owner;
import java.beans.PropertyChangeEvent;
import java.beans.PropertyChangeListener;
import java.beans.PropertyChangeSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One add+remove pair in the code shapes real applications register from (issue 14), each on an application
 * subject ({@code subject=app}, a {@code CopyOnWriteArrayList} model) and on {@code PropertyChangeSupport}
 * ({@code subject=beans}): a lambda, an anonymous class, one registering line reached through many call paths,
 * a stack 100 frames deep, one named listener class registered from many lines, and thousands of owner classes.
 * The shapes a site cache keyed on the listener class or the whole stack gets wrong are the point: with call
 * site ids, no stack is walked per pair in any of them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class ShapesBench {
    /** Distinct call paths that reach the one registering line of {@link #manyPaths}. */
    static final int PATHS = 16;

    static final int DEEP = 100;
    static final int OWNER_CLASSES = 2000;

    @Param({"app", "beans"})
    public String subject;

    private boolean beans;
    private final Model model = new Model();
    private final PropertyChangeSupport support = new PropertyChangeSupport(this);
    private int sink;
    private int next;
    private Owner[] owners;

    private final ChangeListener lambda = v -> sink += v;
    private final PropertyChangeListener beansLambda = e -> sink++;
    private final ChangeListener anonymous = new ChangeListener() {
        @Override
        public void changed(int value) {
            sink += value;
        }
    };
    private final PropertyChangeListener beansAnonymous = new PropertyChangeListener() {
        @Override
        public void propertyChange(PropertyChangeEvent evt) {
            sink++;
        }
    };
    private final Named named = new Named();
    /**
     * The add method as a method reference: the call that reaches it is made by the JDK's lambda class, which no
     * agent rewrites, so it has no call-site id. The worst case: see {@link #fallbackManyPaths}.
     */
    private Consumer<ChangeListener> addByReference;

    private Consumer<PropertyChangeListener> addByReferenceBeans;

    /** One named listener class, registered from {@link #namedFromManyLines}'s eight lines. */
    static final class Named implements ChangeListener, PropertyChangeListener {
        int seen;

        @Override
        public void changed(int value) {
            seen += value;
        }

        @Override
        public void propertyChange(PropertyChangeEvent evt) {
            seen++;
        }
    }

    /**
     * An owner that keeps rows in a list and cells in an array (a table panel) and registers, from its own code, on a
     * shared subject it does not hold: the registration path looks for the subject among its containers' elements (a
     * detached subject's watch) only until that has found nothing a few times for this owner and subject class.
     */
    static final class Grid {
        private final List<Object> rows = new ArrayList<>();
        private final Object[] cells = new Object[64];
        private final ChangeListener listener = this::changed;
        private final PropertyChangeListener beansListener = this::propertyChange;
        private int seen;

        Grid() {
            for (int i = 0; i < 64; i++) {
                rows.add(new Object());
                cells[i] = new Object();
            }
        }

        void changed(int value) {
            seen += value;
        }

        void propertyChange(PropertyChangeEvent evt) {
            seen++;
        }

        void pairOn(Model model) {
            model.addChangeListener(listener);
            model.removeChangeListener(listener);
        }

        void pairOn(PropertyChangeSupport support) {
            support.addPropertyChangeListener(beansListener);
            support.removePropertyChangeListener(beansListener);
        }
    }

    private Grid grid;

    @Setup
    public void setUp() {
        beans = subject.equals("beans");
        owners = GeneratedOwners.create(OWNER_CLASSES);
        addByReference = model::addChangeListener;
        addByReferenceBeans = support::addPropertyChangeListener;
        grid = new Grid();
    }

    @Benchmark
    public void lambda() {
        registeringLine();
    }

    @Benchmark
    public void anonymous() {
        if (beans) {
            support.addPropertyChangeListener(beansAnonymous);
            support.removePropertyChangeListener(beansAnonymous);
        } else {
            model.addChangeListener(anonymous);
            model.removeChangeListener(anonymous);
        }
    }

    /** The same line, reached through one of {@value #PATHS} stacks in turn (a different depth each). */
    @Benchmark
    public void manyPaths() {
        down(next++ & (PATHS - 1));
    }

    /**
     * The worst case: a registration no call-site id names (made through a JDK method reference), of one listener
     * class, reached through {@value #PATHS} paths in turn. Its site is not stable, so each one walks the stack.
     */
    @Benchmark
    public void fallbackManyPaths() {
        byReference(next++ & (PATHS - 1));
    }

    private void byReference(int hops) {
        if (hops > 0) {
            byReference(hops - 1);
        } else if (beans) {
            addByReferenceBeans.accept(beansLambda);
            support.removePropertyChangeListener(beansLambda);
        } else {
            addByReference.accept(lambda);
            model.removeChangeListener(lambda);
        }
    }

    /** One pair, with {@value #DEEP} frames of the application below it. */
    @Benchmark
    public void deepStack() {
        down(DEEP);
    }

    /** {@code frames} frames of the application, then the registering line. */
    private void down(int frames) {
        if (frames > 0) {
            down(frames - 1);
        } else {
            registeringLine();
        }
    }

    private void registeringLine() {
        if (beans) {
            support.addPropertyChangeListener(beansLambda);
            support.removePropertyChangeListener(beansLambda);
        } else {
            model.addChangeListener(lambda);
            model.removeChangeListener(lambda);
        }
    }

    /** One instance of one named class, registered from one of eight lines in turn (one line per case). */
    @Benchmark
    public void namedFromManyLines() {
        int line = next++ & 7;
        if (beans) {
            switch (line) {
                case 0 -> support.addPropertyChangeListener(named);
                case 1 -> support.addPropertyChangeListener(named);
                case 2 -> support.addPropertyChangeListener(named);
                case 3 -> support.addPropertyChangeListener(named);
                case 4 -> support.addPropertyChangeListener(named);
                case 5 -> support.addPropertyChangeListener(named);
                case 6 -> support.addPropertyChangeListener(named);
                default -> support.addPropertyChangeListener(named);
            }
            support.removePropertyChangeListener(named);
        } else {
            switch (line) {
                case 0 -> model.addChangeListener(named);
                case 1 -> model.addChangeListener(named);
                case 2 -> model.addChangeListener(named);
                case 3 -> model.addChangeListener(named);
                case 4 -> model.addChangeListener(named);
                case 5 -> model.addChangeListener(named);
                case 6 -> model.addChangeListener(named);
                default -> model.addChangeListener(named);
            }
            model.removeChangeListener(named);
        }
    }

    /** A {@link Grid}, with 64 rows in a list and 64 cells in an array, registering from its own code. */
    @Benchmark
    public void ownerWithRows() {
        if (beans) {
            grid.pairOn(support);
        } else {
            grid.pairOn(model);
        }
    }

    /** The next of {@value #OWNER_CLASSES} owners, each of its own generated class, registering itself. */
    @Benchmark
    public void manyOwnerClasses() {
        Owner owner = owners[next++ % OWNER_CLASSES];
        if (beans) {
            owner.pairOn(support);
        } else {
            owner.pairOn(model);
        }
    }
}
