package dev.lapse.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.lapse.agent.report.JsonValue;
import java.util.HashMap;
import java.util.Map;

/**
 * A forked run's finding groups by owner class, for scenario tests whose owners are the nested classes of one
 * scenario and that expect one group per owner. Failures print the run's text report.
 */
public final class FindingsByOwner {
    private final ForkedJvm.Result result;
    private final String prefix;
    private final Map<String, JsonValue> byOwner = new HashMap<>();

    /**
     * The groups of {@code result}; {@code prefix} is what the owners' simple names are looked up under
     * ({@code dev.lapse.it.scenario.JdkApis$}). Fails when two groups have one owner.
     */
    public FindingsByOwner(ForkedJvm.Result result, String prefix) {
        this.result = result;
        this.prefix = prefix;
        for (JsonValue f : result.findings()) {
            JsonValue previous = byOwner.put(f.get("owner.class").string(), f);
            if (previous != null) {
                throw new AssertionError("two groups for one owner: " + f.get("owner.class") + "\n" + result.text());
            }
        }
    }

    /** The group of {@code owner} (a simple name under the prefix): there is one, of one registration. */
    public JsonValue of(String owner) {
        JsonValue f = byOwner.get(prefix + owner);
        assertNotNull(f, "no finding for " + owner + "\n" + result.text());
        assertEquals(1, f.get("count").number(), result.text());
        return f;
    }

    /** {@link #of(String)}, a registration through {@code method}. */
    public JsonValue of(String owner, String method) {
        JsonValue f = of(owner);
        assertEquals(method, f.get("registration.method").string(), result.text());
        return f;
    }

    /** Whether {@code owner} (a simple name under the prefix) has a group. */
    public boolean has(String owner) {
        return byOwner.containsKey(prefix + owner);
    }

    /** That the group's registration site starts at the owner's own frame, the one that registered. */
    public void registeredByOwner(JsonValue f, String owner) {
        assertEquals(
                prefix + owner,
                f.get("registration.site").list().get(0).get("class").string(),
                "the site starts at the application frame that registered\n" + result.text());
    }

    /** The code of the group's fix. */
    public static String code(JsonValue f) {
        return f.get("recommendation.code").string();
    }
}
