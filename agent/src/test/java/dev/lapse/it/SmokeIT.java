package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.JsonValue;
import dev.lapse.it.scenario.FixExpressions;
import dev.lapse.it.scenario.PrintsALine;
import dev.lapse.it.scenario.QuickLeak;
import dev.lapse.it.support.ForkedJvm;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeIT {
    @Test
    void anonymous_listener_of_disposed_view_is_reported_at_exit() {
        ForkedJvm.Result r = ForkedJvm.main(QuickLeak.class).run().assertSuccess();
        List<JsonValue> findings = r.findings();
        assertEquals(1, findings.size(), r.text());
        JsonValue f = findings.get(0);
        assertEquals("lifecycle-end", f.get("signal").string());
        assertEquals(
                "dev.lapse.it.scenario.QuickLeak$View", f.get("owner.class").string());
        assertEquals("enclosing-instance", f.get("owner.relation").string());
        assertEquals(
                "dev.lapse.it.scenario.Subjects$Model#addChangeListener",
                f.get("registration.method").string());
        assertTrue(r.text().contains("removeChangeListener"), r.text());
    }

    @Test
    void class_data_sharing_stays_on_for_every_class_loader() {
        // -Xshare:on fails the start when the archive cannot be used; the warning is what appending to the
        // bootstrap class path printed, with sharing then off for every loader but the bootstrap one
        ForkedJvm.Result r = ForkedJvm.main(QuickLeak.class)
                .jvmArg("-Xshare:on")
                .jvmArg("-Xlog:cds=warning")
                .run()
                .assertSuccess();
        assertFalse(r.stderr.contains("Sharing is only supported"), r.stderr);
        assertFalse(r.stdout.contains("Sharing is only supported"), r.stdout);
        assertEquals(1, r.findings().size(), r.text());
    }

    @Test
    void a_program_that_registers_nothing_parses_no_class_and_checks_nothing_at_exit() {
        // the launch instruments nothing up front (not even Runtime, whose first rewritten call has it instrumented),
        // and a class whose bytes hold nothing to instrument is rejected from its constant pool: no class is read;
        // with no registration seen the exit runs none of the check's phases, only the report
        ForkedJvm.Result r = ForkedJvm.main(PrintsALine.class)
                .jvmArg("-Xlog:class+load=info:stdout")
                .run()
                .assertSuccess();
        assertTrue(r.stdout.contains("a line"), r.stdout);
        assertTrue(r.stdout.contains("dev.lapse.agent.runtime.LapseRuntime"), "the agent ran\n" + r.stdout);
        assertFalse(r.stdout.contains("dev.lapse.agent.shaded.asm.ClassReader"), "a class was parsed\n" + r.stdout);
        assertFalse(r.stdout.contains("dev.lapse.agent.confirm.Candidates"), "a check ran\n" + r.stdout);
        assertEquals(0, r.findings().size(), r.text());
        assertEquals(0, r.json().get("stats").get("registrationsSeen").number(), r.text());
        assertTrue(r.text().contains("Lapse saw no registration"), r.text());
    }

    @Test
    void the_self_test_runs_where_the_program_loaded_its_probe_class_and_only_there() {
        // the check at exit registers a probe on PropertyChangeSupport when the program loaded it: whether it did is
        // what the transformer saw go by, not a walk of the JVM's loaded classes
        ForkedJvm.Result used = ForkedJvm.main(FixExpressions.class)
                .agentOptions("log=debug")
                .run()
                .assertSuccess();
        assertFalse(used.stderr.contains("self-test skipped"), used.stderr);
        assertFalse(used.stderr.contains("self-test failed"), used.stderr);
        ForkedJvm.Result unused = ForkedJvm.main(PrintsALine.class)
                .agentOptions("log=debug")
                .run()
                .assertSuccess();
        assertTrue(unused.stderr.contains("self-test skipped"), unused.stderr);
    }
}
