package dev.lapse.agent.track.signal;

import dev.lapse.agent.track.EndOfLife;
import dev.lapse.agent.track.RegistrationTable;
import dev.lapse.agent.track.Signal;
import dev.lapse.agent.track.SiteCapture;
import dev.lapse.agent.track.WeakWrappers;

/**
 * Scope end (DESIGN.md section 3): a scope (a test) ended, so every owner whose first registration was made in it,
 * and that still has a registration made in it, should now be dead. Owners that existed before the scope are left
 * alone, and so are weak wrappers, which keep nothing alive but themselves. An owner whose whole life already ended
 * keeps that end.
 */
public final class ScopeEndRule {
    private final RegistrationTable table;
    private final SiteCapture sites;
    private final SignalClock clock;

    public ScopeEndRule(RegistrationTable table, SiteCapture sites, SignalClock clock) {
        this.table = table;
        this.sites = sites;
        this.clock = clock;
    }

    /**
     * @param description the scope in words for the report, e.g. {@code test FooTest.leaks()}
     * @return how many owners it ended
     */
    public int scopeEnded(String scope, String description) {
        EndOfLife end = clock.end(Signal.SCOPE_END, null, description, sites.here());
        return table.signalEach(
                record -> {
                    Object owner = record.owner();
                    return owner != null
                            && (record.end() == null || record.end().partial())
                            && scope.equals(record.firstScope())
                            && record.registeredIn(scope)
                            && !WeakWrappers.isWeakWrapper(owner);
                },
                end);
    }
}
