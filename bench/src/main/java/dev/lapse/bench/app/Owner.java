package dev.lapse.bench.app;

import java.beans.PropertyChangeListener;
import java.beans.PropertyChangeSupport;

/**
 * An owner class of which {@link GeneratedOwners} makes thousands: each subclass is its own listener and
 * registers itself from its own line, as many small classes of an application do.
 */
public abstract class Owner implements ChangeListener, PropertyChangeListener {
    /** Adds this owner to {@code model} and removes it again. */
    public abstract void pairOn(Model model);

    /** Adds this owner to {@code support} and removes it again. */
    public abstract void pairOn(PropertyChangeSupport support);
}
