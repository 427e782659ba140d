package dev.lapse.demo.customers;

import javax.swing.DefaultListModel;
import javax.swing.event.ListDataEvent;
import javax.swing.event.ListDataListener;

/**
 * A list of customers shown from the application's shared Swing list model (a JDK class). The view is its own
 * listener.
 */
public final class CustomerListView implements ListDataListener {
    private final DefaultListModel<String> customers;
    private final boolean fixed;
    private int rows;

    public CustomerListView(DefaultListModel<String> customers, boolean fixed) {
        this.customers = customers;
        this.fixed = fixed;
        this.rows = customers.size();
        customers.addListDataListener(this);
    }

    public int rows() {
        return rows;
    }

    @Override
    public void intervalAdded(ListDataEvent e) {
        rows = customers.size();
    }

    @Override
    public void intervalRemoved(ListDataEvent e) {
        rows = customers.size();
    }

    @Override
    public void contentsChanged(ListDataEvent e) {
        rows = customers.size();
    }

    public void dispose() {
        if (fixed) {
            customers.removeListDataListener(this);
        }
    }
}
