package dev.lapse.demo.search;

import javax.swing.DefaultListModel;
import javax.swing.event.ListDataEvent;
import javax.swing.event.ListDataListener;

/**
 * The search box in the window's tool bar, which lives as long as the application. It highlights matches in the
 * customer list; the bug is that every search adds another listener to the list and none is ever removed.
 */
public final class QuickSearch {
    private final DefaultListModel<String> customers;
    private final boolean fixed;
    private String query = "";
    private int changes; // what the highlighting would repaint

    /** The fix: one listener, registered once and kept so that {@link #close()} can take it off. */
    private final ListDataListener highlighter;

    public QuickSearch(DefaultListModel<String> customers, boolean fixed) {
        this.customers = customers;
        this.fixed = fixed;
        highlighter = fixed ? highlighter() : null;
        if (fixed) {
            customers.addListDataListener(highlighter);
        }
    }

    /** Called when the window closes; the leaky search box kept none of the listeners it added. */
    public void close() {
        if (highlighter != null) {
            customers.removeListDataListener(highlighter);
        }
    }

    public void search(String text) {
        query = text;
        if (!fixed) {
            customers.addListDataListener(highlighter());
        }
    }

    private ListDataListener highlighter() {
        return new ListDataListener() {
            @Override
            public void intervalAdded(ListDataEvent e) {
                changes++;
            }

            @Override
            public void intervalRemoved(ListDataEvent e) {
                changes++;
            }

            @Override
            public void contentsChanged(ListDataEvent e) {
                changes++;
            }
        };
    }

    public String query() {
        return query;
    }
}
