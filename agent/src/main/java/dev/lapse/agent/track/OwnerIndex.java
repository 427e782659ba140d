package dev.lapse.agent.track;

/**
 * Registrations indexed under an owner they are not tracked under, with that owner's end of life: the weak wrappers
 * whose delegate belongs to another owner, under that owner (a weak wrapper is its own owner in the
 * {@link RegistrationTable}, so this is where its delegate's owner ends). Weak like the table; counts nothing, since
 * its registrations are counted in the table.
 */
public final class OwnerIndex {
    private final OwnerTable owners = new OwnerTable();
    /** Set at the first entry: until then an end of life needs no lookup here. */
    private volatile boolean used;

    public void add(Object owner, Registration r) {
        used = true;
        owners.withRecord(owner, r.scope(), record -> record.add(r));
    }

    /** Whether {@code owner} has registrations here. */
    public boolean has(Object owner) {
        return used && owners.ifPresent(owner, record -> Boolean.TRUE) != null;
    }

    /** Records the end of {@code owner}'s life, if it has registrations here. */
    public void end(Object owner, EndOfLife end) {
        if (used) {
            owners.ifPresent(owner, record -> {
                record.end(end);
                return Boolean.TRUE;
            });
        }
    }

    /** The owner's end of life, or {@code null}. */
    public EndOfLife endOf(Object owner) {
        return used ? owners.ifPresent(owner, OwnerRecord::end) : null;
    }

    /** Removes {@code r} itself from the owner's registrations here. */
    public void remove(Object owner, Registration r) {
        if (used) {
            owners.ifPresent(owner, record -> record.removeExact(r) ? Boolean.TRUE : null);
        }
    }

    /** Drops registrations whose listener or subject was collected. */
    public void purge() {
        if (used) {
            owners.forEach(record -> {
                record.purgeDead();
                return record.size() > 0;
            });
        }
    }

    /** Forgets collected owners. */
    public void expunge() {
        if (used) {
            owners.expunge();
        }
    }
}
