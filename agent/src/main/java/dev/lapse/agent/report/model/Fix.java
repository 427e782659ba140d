package dev.lapse.agent.report.model;

import dev.lapse.agent.track.WireNamed;

/**
 * The fix for a group, as code for its API and site.
 *
 * @param summary what to do, in one sentence
 * @param where the class and method the code belongs in, {@code com.acme.View#dispose}
 * @param code the code to add, lines separated by {@code \n}
 */
public record Fix(Kind kind, String summary, String where, String code) {
    /** What kind of change the fix is. */
    public enum Kind implements WireNamed {
        /** Call the remove method where the owner's life ends. */
        REMOVE_CALL("remove-call"),
        /** Keep the handle the add returned and close it where the owner's life ends. */
        CLOSE_HANDLE("close-handle"),
        /** For an API with no remove method: a weak wrapper, and the listener kept in a field of the owner. */
        WEAK_WRAPPER("weak-wrapper"),
        /** A lost listener: keep the delegate the weak wrapper forwards to in a field of the owner. */
        KEEP_DELEGATE("keep-delegate"),
        /** An accumulation: register once, or undo the previous registration before the next. */
        REGISTER_ONCE("register-once");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        /** The name reports write: {@code remove-call}. */
        public String wireName() {
            return wireName;
        }

        /**
         * The kind with this wire name.
         *
         * @throws IllegalArgumentException when none has it
         */
        public static Kind named(String wireName) {
            return WireNamed.named(Kind.class, wireName, "a kind of fix");
        }
    }
}
