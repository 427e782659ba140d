package dev.lapse.agent.report.model;

import dev.lapse.agent.track.Step;
import dev.lapse.agent.track.WireNamed;

/** One hop of a group's chain and what the object it reaches is to the report. */
public record ChainStep(Step step, Role role) {
    /** What a chain step reaches, beyond an object on the way. */
    public enum Role implements WireNamed {
        /** An object on the way; reports write no role ({@code null}). */
        HOP(null),
        /** The listener registered. */
        LISTENER("listener"),
        /** The owner, the chain's end. */
        OWNER("owner"),
        /** A lost listener's delegate, collected: the chain's end. */
        COLLECTED("collected");

        private final String wireName;

        Role(String wireName) {
            this.wireName = wireName;
        }

        /** The name reports write, {@code null} for {@link #HOP}. */
        public String wireName() {
            return wireName;
        }

        /** The role with this wire name; {@code null} is {@link #HOP}. */
        public static Role named(String wireName) {
            return WireNamed.named(Role.class, wireName, "a chain step's role");
        }
    }
}
