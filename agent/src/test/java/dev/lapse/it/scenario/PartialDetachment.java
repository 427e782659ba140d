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
 * owner.
 */
public final class PartialDetachment {
    static final Model CUSTOMER = new Model();
    static final Model[] ROWS = {new Model(), new Model(), new Model()};
    static final Model FILTERS = new Model();
    /** Owners the application still uses, to the end. */
    static final List<Object> IN_USE = new ArrayList<>();

    private PartialDetachment() {
    }

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
        public void changed(String what) {
        }

        void unbind() {
            for (int i = 0; i < ROWS.length - 1; i++) {
                ROWS[i].removeChangeListener(this);
            }
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
