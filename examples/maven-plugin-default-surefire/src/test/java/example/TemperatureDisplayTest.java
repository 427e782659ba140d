package example;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class TemperatureDisplayTest {
    @Test
    public void shows_the_new_temperature() {
        try (TemperatureDisplay display = new TemperatureDisplay(Thermostat.BUILDING)) {
            Thermostat.BUILDING.setCelsius(23);
            assertEquals("23 °C", display.text());
        }
    }
}
