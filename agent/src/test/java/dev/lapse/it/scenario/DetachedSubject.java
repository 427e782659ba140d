package dev.lapse.it.scenario;

import dev.lapse.it.scenario.Subjects.ChangeListener;
import dev.lapse.it.scenario.Subjects.Model;
import java.util.ArrayList;
import java.util.List;

/**
 * Parents that listen to a child they hold, then let go of the child while it lives on elsewhere (in a pool): the
 * child keeps the parent alive. A parent that replaces its child without taking its listener off the old one, and
 * a dialog that clears its field, and a tree that listens to each child in its list and clears the list. Not detached:
 * a parent that still holds its child, one that moved it into an object it still holds, a registration wired by other
 * code, a dropped child that nobody else holds, and a board that takes its listener off each child it clears.
 */
public final class DetachedSubject {
    /** Children live on here after their parents let go of them. */
    static final List<Model> POOL = new ArrayList<>();
    /** Parents the application still uses, to the end. */
    static final List<Object> IN_USE = new ArrayList<>();

    private DetachedSubject() {}

    static Model pooled() {
        Model m = new Model();
        POOL.add(m);
        return m;
    }

    /** {@link #pooled()} for several threads at once. */
    static Model pooledSafely() {
        synchronized (POOL) {
            return pooled();
        }
    }

    /** Replaces its child and registers on the new one, but never takes its listener off the old one. */
    static final class Parent {
        private Model child;
        String last;

        Parent(Model child) {
            setChild(child);
        }

        void setChild(Model child) {
            this.child = child;
            child.addChangeListener(this::onChildChange);
        }

        void onChildChange(String what) {
            last = what;
        }
    }

    /** Registers itself on its child and later clears the field. */
    static final class Dialog implements ChangeListener {
        private Model content;

        Dialog(Model content) {
            this.content = content;
            content.addChangeListener(this);
        }

        @Override
        public void changed(String what) {}

        void clear() {
            content = null;
        }
    }

    /** Binds to a model in a base class of its own, as many view frameworks do. */
    abstract static class BoundView {
        protected Model model;

        void bind(Model next) {
            model = next;
            next.addChangeListener(this::refresh);
        }

        abstract void refresh(String what);
    }

    /** Rebinds through its base class without taking its listener off the old model. */
    static final class OrdersView extends BoundView {
        String shown;

        @Override
        void refresh(String what) {
            shown = what;
        }
    }

    /** Still holds its child. */
    static final class Holder {
        private final Model child;

        Holder(Model child) {
            this.child = child;
            child.addChangeListener(what -> {});
        }
    }

    /** Moves its child into a box it keeps. */
    static final class Keeper {
        private Model child;
        private Box box;

        Keeper(Model child) {
            this.child = child;
            child.addChangeListener(what -> {});
        }

        void box() {
            box = new Box(child);
            child = null;
        }
    }

    static final class Box {
        final Model content;

        Box(Model content) {
            this.content = content;
        }
    }

    /** Listens to each of its children, held in a list, and prunes them without taking its listener off. */
    static final class Tree {
        private final List<Model> children = new ArrayList<>();
        private final ChangeListener listener = this::changed;
        String last;

        void add(Model child) {
            children.add(child);
            child.addChangeListener(listener);
        }

        void prune() {
            children.clear();
        }

        void changed(String what) {
            last = what;
        }
    }

    /** Like {@link Tree}, but takes its listener off each child before it clears them: not detached. */
    static final class Board {
        private final Model[] slots = new Model[4];
        private final ChangeListener listener = this::changed;
        String last;

        void put(int i, Model child) {
            slots[i] = child;
            child.addChangeListener(listener);
        }

        void clear() {
            for (int i = 0; i < slots.length; i++) {
                if (slots[i] != null) {
                    slots[i].removeChangeListener(listener);
                    slots[i] = null;
                }
            }
        }

        void changed(String what) {
            last = what;
        }
    }

    /** Its listener is registered by wiring code, not by itself. */
    static final class Wired {
        Model child;
        final ChangeListener listener = what -> {};
    }

    /** Drops a child that nobody else holds: child and parent go together. */
    static final class Loner {
        private Model child = new Model();

        Loner() {
            child.addChangeListener(what -> {});
        }

        void drop() {
            child = null;
        }
    }

    public static void main(String[] args) {
        Parent parent = new Parent(pooled());
        parent.setChild(pooled());
        IN_USE.add(parent);
        new Dialog(pooled()).clear();
        OrdersView orders = new OrdersView();
        orders.bind(pooled());
        orders.bind(pooled());
        IN_USE.add(orders);
        IN_USE.add(new Holder(pooled()));
        Keeper keeper = new Keeper(pooled());
        keeper.box();
        IN_USE.add(keeper);
        Wired wired = new Wired();
        wired.child = pooled();
        wired.child.addChangeListener(wired.listener);
        wired.child = null;
        IN_USE.add(wired);
        Loner loner = new Loner();
        loner.drop();
        IN_USE.add(loner);
        Tree tree = new Tree();
        for (int i = 0; i < 3; i++) {
            tree.add(pooled());
        }
        tree.prune(); // its three children live on in the pool, each still holding the tree's listener
        IN_USE.add(tree);
        Board board = new Board();
        board.put(0, pooled());
        board.put(2, pooled());
        board.clear();
        IN_USE.add(board);
    }
}
