package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.JsonValue;
import dev.lapse.it.scenario.ScopeOwners;
import dev.lapse.it.support.FindingsByOwner;
import dev.lapse.it.support.ForkedJvm;
import org.junit.jupiter.api.Test;

/**
 * Scope end reports an owner only when its registration is what holds it: not a JVM-wide object a test happened to
 * make (a logging context its loggers keep, a cached context and its shutdown hook, a listener a static initialiser
 * registered, a builder and its result a recorder keeps, a controller only a mock's weakly keyed state keeps), while each one's twin, left on a JVM-wide subject with
 * nothing else holding it, is reported by its test's check. A cancelled timer task still queued is left to the
 * JVM's check.
 */
class ScopeEndIT {
    private static final String PREFIX = "dev.lapse.it.scenario.ScopeOwners$";

    @Test
    void an_owner_is_reported_only_where_its_registration_holds_it() {
        ForkedJvm.Result r = ForkedJvm.main(ScopeOwners.class).run().assertSuccess();
        for (String quiet : new String[] {
            "firstToLog", "cachedContext", "firstToIntrospect", "recordedBuilder", "mocksAListener", "cancelsItsTask"
        }) {
            assertTrue(r.stdout.contains(quiet + ": nothing"), quiet + "\n" + r.stdout);
        }
        for (String leak : new String[] {
            "leavesAPanel",
            "leavesAContext",
            "listensToTheCachedContext",
            "registersAnIntrospector",
            "leavesABuilder",
            "leavesAMock",
            "leavesATask"
        }) {
            assertTrue(r.stdout.contains(leak + ": found"), leak + "\n" + r.stdout);
        }

        FindingsByOwner groups = new FindingsByOwner(r, PREFIX);
        for (String owner : new String[] {
            "Panel", "AppContext", "ContextListener", "Introspector", "Builder", "InlineMock", "Poller"
        }) {
            assertEquals("scope-end", groups.of(owner).get("signal").string(), owner + "\n" + r.text());
        }
        // a subject an earlier test left, yet JVM-wide: the context that test cached
        assertEquals(
                PREFIX + "AppContext",
                groups.of("ContextListener").get("subject.class").string(),
                r.text());
        for (String owner : new String[] {"Builder", "InlineMock"}) { // on the JVM-wide model, not what the test left
            assertTrue(groups.of(owner).get("subject.class").string().endsWith("Subjects$Model"), r.text());
        }
        for (String owner : new String[] {"LoggingContext", "Result", "MockListener"}) {
            assertFalse(groups.has(owner), owner + "\n" + r.text());
        }
        JsonValue cancelled = groups.of("MinIdleKeeper");
        assertEquals("ineffective-removal", cancelled.get("signal").string(), r.text());
        assertEquals(8, r.findings().size(), r.text());
    }
}
