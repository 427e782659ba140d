package dev.lapse.demo.customers;

import java.beans.PropertyChangeListener;
import java.beans.PropertyChangeSupport;

/** The customer being edited, shared by every open editor. Fires bean property changes. */
public final class CustomerModel {
    private final PropertyChangeSupport changes = new PropertyChangeSupport(this);
    private String name = "";

    public void addPropertyChangeListener(String property, PropertyChangeListener listener) {
        changes.addPropertyChangeListener(property, listener);
    }

    public void removePropertyChangeListener(String property, PropertyChangeListener listener) {
        changes.removePropertyChangeListener(property, listener);
    }

    public int listenerCount() {
        return changes.getPropertyChangeListeners().length;
    }

    public void setName(String name) {
        String old = this.name;
        this.name = name;
        changes.firePropertyChange("name", old, name);
    }
}
