package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.JsonValue;
import dev.lapse.it.scenario.NettyFutures;
import dev.lapse.it.support.FindingsByOwner;
import dev.lapse.it.support.ForkedJvm;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Netty's futures as published ({@code netty-transport}): a listener left on a channel's close future or an
 * executor's termination future by a closed component is reported with the chain and the {@code removeListener} to
 * add; a listener removed in {@code close()}, one on a channel that closed and an open component's are not.
 */
class NettyIT {
    private static final String S = NettyFutures.class.getName() + "$";
    private static ForkedJvm.Result result;
    private static FindingsByOwner findings;

    @BeforeAll
    static void run() {
        result = ForkedJvm.withLibraries(NettyFutures.class, "netty-").run().assertSuccess();
        findings = new FindingsByOwner(result, S);
    }

    private static JsonValue finding(String owner, String relation) {
        JsonValue f = findings.of(owner);
        assertEquals("lifecycle-end", f.get("signal").string(), result.text());
        assertEquals(relation, f.get("owner.relation").string(), result.text());
        assertEquals(
                S + owner,
                f.get("registration.site").list().get(0).get("class").string(),
                "the site is the application's line\n" + result.text());
        List<JsonValue> chain = f.get("chain").list();
        // one listener in a field of its own, more in an array (DefaultFutureListeners)
        assertTrue(chain.get(0).get("field").string().startsWith("listener"), result.text());
        assertEquals(S + owner, chain.get(chain.size() - 1).get("to").string(), result.text());
        assertEquals("remove-call", f.get("recommendation.kind").string(), result.text());
        return f;
    }

    @Test
    void only_the_listeners_left_on_pending_futures_are_reported() {
        assertEquals(2, result.findings().size(), result.text());
        assertEquals(0, result.json().get("stats.hookErrors").number(), result.text());
    }

    @Test
    void a_lambda_on_a_channel_s_close_future() {
        JsonValue f = finding("LeakingWatcher", "captured");
        assertEquals(
                "io.netty.channel.AbstractChannel$CloseFuture",
                f.get("subject.class").string());
        String code = f.get("recommendation.code").string();
        assertTrue(code.contains(".removeListener(listener);"), code);
        assertTrue(code.contains("// in NettyFutures.LeakingWatcher.close():"), code);
    }

    @Test
    void an_anonymous_listener_on_an_executor_s_termination_future() {
        JsonValue f = finding("LeakingTerminationWatcher", "enclosing-instance");
        assertTrue(f.get("subject.class").string().startsWith("io.netty.util.concurrent."), result.text());
        String code = f.get("recommendation.code").string();
        assertTrue(code.contains(".removeListener(listener);"), code);
    }
}
