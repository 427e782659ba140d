package dev.lapse.demo.customers;

import java.beans.PropertyChangeListener;

/**
 * A card with the customer's name, e-mail and address. When its workspace closes it unbinds from the model, in a method
 * of its own that no framework knows by name.
 */
public final class CustomerCard {
    private final CustomerModel model;
    private final boolean fixed;
    private final PropertyChangeListener onName = e -> name = String.valueOf(e.getNewValue());
    private final PropertyChangeListener onEmail = e -> email = String.valueOf(e.getNewValue());
    private final PropertyChangeListener onAddress = e -> address = String.valueOf(e.getNewValue());
    private String name = "";
    private String email = "";
    private String address = "";

    public CustomerCard(CustomerModel model, boolean fixed) {
        this.model = model;
        this.fixed = fixed;
        model.addPropertyChangeListener("name", onName);
        model.addPropertyChangeListener("email", onEmail);
        model.addPropertyChangeListener("address", onAddress);
    }

    public String name() {
        return name;
    }

    /** The bug: the name and e-mail listeners are taken off, the address listener is forgotten. */
    public void unbind() {
        model.removePropertyChangeListener("name", onName);
        model.removePropertyChangeListener("email", onEmail);
        if (fixed) {
            model.removePropertyChangeListener("address", onAddress);
        }
    }
}
