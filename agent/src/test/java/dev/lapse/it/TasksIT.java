package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.JsonValue;
import dev.lapse.it.scenario.Tasks;
import dev.lapse.it.support.FindingsByOwner;
import dev.lapse.it.support.ForkedJvm;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tasks on a {@code ScheduledThreadPoolExecutor} and a {@code Timer}: a periodic task left scheduled by a closed
 * component is reported with the chain, the site and the cancel to add; a cancelled task, a one-shot task that
 * ran, a scheduler shut down, an open component and the JDK's own timeouts are not. A cancel is a removal claimed
 * and verified at the check: a timer task cancelled and left in the timer's queue (never purged) is an ineffective
 * removal whose fix purges the timer; a task cancelled on an executor without {@code setRemoveOnCancelPolicy(true)}
 * stays queued but is not reported, since the JDK's task lets go of the application's runnable when cancelled; nor
 * is one purged, or one that ran before its cancel.
 */
class TasksIT {
    private static final String S = Tasks.class.getName() + "$";
    private static ForkedJvm.Result result;
    private static FindingsByOwner findings;

    @BeforeAll
    static void run() {
        result = ForkedJvm.main(Tasks.class).run().assertSuccess();
        findings = new FindingsByOwner(result, S);
    }

    private static JsonValue finding(String owner) {
        return finding(owner, "lifecycle-end");
    }

    private static JsonValue finding(String owner, String signal) {
        JsonValue f = findings.of(owner);
        assertEquals(signal, f.get("signal").string(), result.text());
        assertEquals(
                S + owner,
                f.get("registration.site").list().get(0).get("class").string(),
                "the site starts at the application frame that scheduled\n" + result.text());
        List<JsonValue> chain = f.get("chain").list();
        assertEquals(S + owner, chain.get(chain.size() - 1).get("to").string(), result.text());
        return f;
    }

    @Test
    void only_the_two_tasks_left_scheduled_and_the_timer_task_left_queued_are_reported() {
        assertEquals(3, result.findings().size(), result.text());
        assertEquals(0, result.json().get("stats.hookErrors").number(), result.text());
    }

    @Test
    void a_periodic_task_on_a_scheduled_executor() {
        JsonValue f = finding("LeakingRefresher");
        assertEquals(
                "java.util.concurrent.ScheduledThreadPoolExecutor#scheduleAtFixedRate",
                f.get("registration.method").string());
        assertEquals(
                "java.util.concurrent.ScheduledThreadPoolExecutor",
                f.get("subject.class").string());
        assertEquals("captured", f.get("owner.relation").string());
        String chain = result.text();
        assertTrue(chain.contains("DelayedWorkQueue"), "the chain goes through the executor's queue\n" + chain);
        String code = f.get("recommendation.code").string();
        assertTrue(code.contains("private ScheduledFuture<?> task;"), code);
        assertTrue(code.contains("task.cancel(false);"), code);
        assertTrue(code.contains("setRemoveOnCancelPolicy(true)"), code);
        assertEquals("close-handle", f.get("recommendation.kind").string());
    }

    @Test
    void an_anonymous_timer_task() {
        JsonValue f = finding("LeakingTimerUser");
        assertEquals(
                "java.util.Timer#scheduleAtFixedRate",
                f.get("registration.method").string());
        assertEquals("java.util.Timer", f.get("subject.class").string());
        assertEquals("enclosing-instance", f.get("owner.relation").string());
        assertTrue(
                f.get("owner.explanation")
                        .string()
                        .endsWith("; the TimerTask given to scheduleAtFixedRate(…) was not kept in a field of"
                                + " Tasks.LeakingTimerUser and its cancel() was never called"),
                result.text());
        String code = f.get("recommendation.code").string();
        assertTrue(code.contains("private TimerTask task;"), code);
        assertTrue(code.contains("task.cancel();"), code);
        assertTrue(code.contains("purge()"), code);
    }

    @Test
    void a_timer_task_cancelled_and_never_purged_is_an_ineffective_removal() {
        JsonValue f = finding("CancelledTimerTask", "ineffective-removal");
        assertEquals("java.util.Timer#schedule", f.get("registration.method").string());
        assertEquals("java.util.TimerTask#cancel", f.get("endOfLife.method").string(), result.text());
        assertTrue(
                f.get("endOfLife.reason").string().contains("Timer.queue → TaskQueue.queue"),
                "the structure that still holds it\n" + result.text());
        assertTrue(!f.get("owner.explanation").string().contains("never called"), result.text());
        String code = f.get("recommendation.code").string();
        assertEquals("close-handle", f.get("recommendation.kind").string(), code);
        assertTrue(
                code.contains("// in Tasks.CancelledTimerTask.close(), after the cancel:\nTasks.TIMER.purge();"), code);
    }
}
