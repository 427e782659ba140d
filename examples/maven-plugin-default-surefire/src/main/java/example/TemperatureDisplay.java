package example;

import java.beans.PropertyChangeEvent;
import java.beans.PropertyChangeListener;

/** Shows the temperature; stops listening when closed. */
public final class TemperatureDisplay implements AutoCloseable {
    private final Thermostat thermostat;
    private final PropertyChangeListener listener = this::changed;
    private String text = "";

    public TemperatureDisplay(Thermostat thermostat) {
        this.thermostat = thermostat;
        thermostat.addPropertyChangeListener(listener);
    }

    private void changed(PropertyChangeEvent e) {
        text = e.getNewValue() + " °C";
    }

    public String text() {
        return text;
    }

    @Override
    public void close() {
        thermostat.removePropertyChangeListener(listener);
    }
}
