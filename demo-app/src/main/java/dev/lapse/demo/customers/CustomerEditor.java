package dev.lapse.demo.customers;

import java.beans.PropertyChangeEvent;
import java.beans.PropertyChangeListener;

/** An editor window for the shared customer; follows the name as others change it. */
public final class CustomerEditor {
    private final CustomerModel model;
    private final PropertyChangeListener nameListener = this::nameChanged;
    private final boolean fixed;
    private String title = "";

    public CustomerEditor(CustomerModel model, boolean fixed) {
        this.model = model;
        this.fixed = fixed;
        model.addPropertyChangeListener("name", nameListener);
    }

    private void nameChanged(PropertyChangeEvent e) {
        title = "Customer " + e.getNewValue();
    }

    public String title() {
        return title;
    }

    public void dispose() {
        if (fixed) {
            model.removePropertyChangeListener("name", nameListener);
        }
    }
}
