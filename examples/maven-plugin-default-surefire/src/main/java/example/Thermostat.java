package example;

import java.beans.PropertyChangeListener;
import java.beans.PropertyChangeSupport;

/** The building's one thermostat: whatever listens to it lives as long as it does. */
public final class Thermostat {
    public static final Thermostat BUILDING = new Thermostat();

    private final PropertyChangeSupport changes = new PropertyChangeSupport(this);
    private int celsius = 20;

    public void addPropertyChangeListener(PropertyChangeListener listener) {
        changes.addPropertyChangeListener(listener);
    }

    public void removePropertyChangeListener(PropertyChangeListener listener) {
        changes.removePropertyChangeListener(listener);
    }

    public void setCelsius(int celsius) {
        int old = this.celsius;
        this.celsius = celsius;
        changes.firePropertyChange("celsius", old, celsius);
    }
}
