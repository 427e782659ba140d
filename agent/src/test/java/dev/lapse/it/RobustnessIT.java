package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.JsonValue;
import dev.lapse.it.scenario.Concurrent;
import dev.lapse.it.scenario.Hostile;
import dev.lapse.it.scenario.KeepsNothingAlive;
import dev.lapse.it.scenario.Redeploy;
import dev.lapse.it.support.ForkedJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The host application never sees Lapse: hostile listeners, concurrency, and nothing kept alive. */
class RobustnessIT {
    @Test
    void listeners_whose_equals_hashCode_and_toString_throw_change_nothing() {
        ForkedJvm.Result without =
                ForkedJvm.main(Hostile.class).withoutAgent().run().assertSuccess();
        ForkedJvm.Result with = ForkedJvm.main(Hostile.class).run().assertSuccess();
        assertEquals("tidy saw 1, leaky saw 2, listeners 1", without.stdout.strip());
        assertEquals(without.stdout, with.stdout);
        assertEquals(1, with.findings().size(), with.text());
        JsonValue f = with.findings().get(0);
        assertEquals(
                "dev.lapse.it.scenario.Hostile$HostileView",
                f.get("owner.class").string());
        assertEquals(0, with.json().get("stats.hookErrors").number(), with.text());
        assertTrue(!with.stderr.contains("must not be called"), with.stderr);
    }

    @Test
    void eight_threads_adding_and_removing_leave_exact_counts() {
        ForkedJvm.Result r = ForkedJvm.main(Concurrent.class).run().assertSuccess();
        int left = Concurrent.THREADS * Concurrent.LEFT;
        assertEquals("listeners left: " + left, r.stdout.strip());
        JsonValue stats = r.json().get("stats");
        assertEquals(
                Concurrent.THREADS * (Concurrent.PAIRS + Concurrent.LEFT),
                stats.get("registrationsSeen").number(),
                r.text());
        assertEquals(Concurrent.THREADS * Concurrent.PAIRS, stats.get("removed").number(), r.text());
        assertEquals(left, stats.get("tracked").number(), r.text());
        assertEquals(0, stats.get("dropped").number());
        assertEquals(0, stats.get("hookErrors").number());
        assertEquals(0, r.findings().size(), "no owner ended\n" + r.text());
    }

    @Test
    void an_owner_collectable_without_the_agent_is_collectable_with_it() {
        ForkedJvm.Result without =
                ForkedJvm.main(KeepsNothingAlive.class).withoutAgent().run();
        assertEquals(0, without.exitCode, "the scenario itself must be sound\n" + without);
        ForkedJvm.Result with = ForkedJvm.main(KeepsNothingAlive.class).run();
        assertEquals(0, with.exitCode, "the agent kept something alive\n" + with);
    }

    /**
     * An application deployed in a class loader of its own and undeployed leaves its loader collectable, after it
     * walked every path of the agent that caches per class (see {@link Redeploy}) and a check confirmed what it
     * left while deployed.
     */
    @Test
    void an_undeployed_applications_class_loader_is_collectable_with_the_agent() throws IOException {
        ForkedJvm.Result without = ForkedJvm.main(Redeploy.class).withoutAgent().run();
        assertEquals(0, without.exitCode, "the scenario itself must be sound\n" + without);
        ForkedJvm.Result with = ForkedJvm.main(Redeploy.class).run();
        assertEquals(0, with.exitCode, "the agent kept the application's class loader alive\n" + with);
        List<String> deployed = JsonValue.parse(Files.readString(with.reportDir.resolve(Redeploy.DEPLOYED_REPORT)))
                .get("findings")
                .list()
                .stream()
                .map(f -> f.get("signal").string() + " " + f.get("owner.class").string())
                .sorted()
                .collect(Collectors.toList());
        assertEquals(
                List.of(
                        "lifecycle-end dev.lapse.it.scenario.webapp.Webapp$Panel",
                        "lost-listener dev.lapse.it.scenario.webapp.Webapp$View"),
                deployed,
                with.toString());
    }
}
