package dev.lapse.it.scenario;

import dev.lapse.it.scenario.Subjects.ChangeListener;
import dev.lapse.it.scenario.Subjects.Model;
import java.util.ArrayList;
import java.util.List;

/**
 * Owners that take some of their listeners off and forget others, through a teardown method Lapse does not know
 * by name: a form that unbinds two of its three listeners from one model, and a view that leaves one of the rows it
 * registered on from one loop. Not partial detachments: a one-shot listener that takes itself off, an owner that
 * swaps one listener for another, one that removes all it added, and a removal made by someone other than the
 * owner, two of ten per-item listeners taken off in an edit, and one-shot listeners that take themselves off
 * through a helper while the model dispatches.
 */
public final class PartialDetachment {
    static final Model CUSTOMER = new Model();
    static final Model[] ROWS = {new Model(), new Model(), new Model()};
    static final Model FILTERS = new Model();
    static final Model ADDRESS = new Model();
    static final Model[] ITEMS = new Model[10];

    static {
        for (int i = 0; i < ITEMS.length; i++) {
            ITEMS[i] = new Model();
        }
    }
    /** Owners the application still uses, to the end. */
    static final List<Object> IN_USE = new ArrayList<>();

    private PartialDetachment() {}

    /** Unbinds its name and age fields, and forgets the save button's listener. */
    static final class Form {
        private final ChangeListener name = what -> shown = what;
        private final ChangeListener age = what -> shown = what;
        String shown;
        String saved;

        Form() {
            CUSTOMER.addChangeListener(name);
            CUSTOMER.addChangeListener(age);
            CUSTOMER.addChangeListener(this::onSave);
        }

        void onSave(String what) {
            saved = what;
        }

        void unbind() {
            CUSTOMER.removeChangeListener(name);
            CUSTOMER.removeChangeListener(age);
        }
    }

    /** Listens to every row from one loop, and leaves the last one. */
    static final class RowsView implements ChangeListener {
        RowsView() {
            for (Model row : ROWS) {
                row.addChangeListener(this);
            }
        }

        @Override
        public void changed(String what) {}

        void unbind() {
            for (int i = 0; i < ROWS.length - 1; i++) {
                ROWS[i].removeChangeListener(this);
            }
        }
    }

    /** Unbinds two of three from each of two models: what it left on both is reported. */
    static final class TwoModelsForm {
        private final ChangeListener a = what -> shown = what;
        private final ChangeListener b = what -> shown = what;
        private final ChangeListener d = what -> shown = what;
        private final ChangeListener e = what -> shown = what;
        String shown;

        TwoModelsForm() {
            CUSTOMER.addChangeListener(a);
            CUSTOMER.addChangeListener(b);
            CUSTOMER.addChangeListener(what -> shown = "customer " + what);
            ADDRESS.addChangeListener(d);
            ADDRESS.addChangeListener(e);
            ADDRESS.addChangeListener(what -> shown = "address " + what);
        }

        void unbind() {
            CUSTOMER.removeChangeListener(a);
            CUSTOMER.removeChangeListener(b);
            ADDRESS.removeChangeListener(d);
            ADDRESS.removeChangeListener(e);
        }
    }

    /** Listens to each of ten items from one loop; two items are deleted and lose their listener: an edit. */
    static final class ItemList implements ChangeListener {
        ItemList() {
            for (Model item : ITEMS) {
                item.addChangeListener(this);
            }
        }

        @Override
        public void changed(String what) {}

        void itemsDeleted() {
            ITEMS[3].removeChangeListener(this);
            ITEMS[7].removeChangeListener(this);
        }
    }

    /** Two one-shot listeners that take themselves off through a helper, while the model dispatches. */
    static final class Waiter {
        private final ChangeListener first = what -> done(this.first);
        private final ChangeListener second = what -> done(this.second);
        String seen;

        Waiter() {
            CUSTOMER.addChangeListener(what -> seen = what);
            CUSTOMER.addChangeListener(first);
            CUSTOMER.addChangeListener(second);
        }

        void done(ChangeListener once) {
            CUSTOMER.removeChangeListener(once);
        }
    }

    /** Waits for the first change with a listener that takes itself off, and keeps its own listener. */
    static final class FirstChange {
        String first;

        FirstChange() {
            CUSTOMER.addChangeListener(what -> first = null);
            CUSTOMER.addChangeListener(new ChangeListener() {
                @Override
                public void changed(String what) {
                    first = what;
                    CUSTOMER.removeChangeListener(this);
                }
            });
        }
    }

    /** Swaps its filter listener for a new one, and keeps another listener. */
    static final class FilterBar {
        private ChangeListener filter = what -> matched = what;
        String matched;

        FilterBar() {
            FILTERS.addChangeListener(what -> matched = null);
            FILTERS.addChangeListener(filter);
        }

        void refilter() {
            FILTERS.removeChangeListener(filter);
            filter = what -> matched = what + "!";
            FILTERS.addChangeListener(filter);
        }
    }

    /** Removes everything it added. */
    static final class TidyForm {
        private final ChangeListener a = what -> seen = what;
        private final ChangeListener b = what -> seen = what;
        String seen;

        TidyForm() {
            CUSTOMER.addChangeListener(a);
            CUSTOMER.addChangeListener(b);
        }

        void unbind() {
            CUSTOMER.removeChangeListener(a);
            CUSTOMER.removeChangeListener(b);
        }
    }

    /** Has two listeners; a controller takes one of them off, which is not the panel detaching. */
    static final class Panel {
        final ChangeListener highlight = what -> lit = what;
        String lit;

        Panel() {
            FILTERS.addChangeListener(what -> lit = null);
            FILTERS.addChangeListener(highlight);
        }
    }

    public static void main(String[] args) {
        new Form().unbind();
        new RowsView().unbind();
        new TwoModelsForm().unbind();
        ItemList items = new ItemList();
        items.itemsDeleted();
        IN_USE.add(items);
        IN_USE.add(new Waiter());
        IN_USE.add(new FirstChange());
        CUSTOMER.fire("first");
        FilterBar bar = new FilterBar();
        bar.refilter();
        IN_USE.add(bar);
        new TidyForm().unbind();
        Panel panel = new Panel();
        FILTERS.removeChangeListener(panel.highlight);
        IN_USE.add(panel);
    }
}
