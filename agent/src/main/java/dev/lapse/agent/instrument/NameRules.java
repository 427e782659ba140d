package dev.lapse.agent.instrument;

import java.util.List;
import java.util.Set;

/**
 * The naming conventions that make a method a registration, a removal or the end of an owner's life.
 * Pure functions of names, so matching rejects most methods without resolving any type.
 */
final class NameRules {

    /** Suffixes of the name families: {@code addFooListener}, {@code registerCallback}, ... */
    private static final List<String> FAMILIES = List.of("Listener", "Observer", "Callback", "Handler");

    /** Built-in lifecycle-ending method names (DESIGN.md section 3). */
    static final Set<String> LIFECYCLE =
            Set.of("close", "dispose", "destroy", "shutdown", "stop", "release", "terminate", "uninstall", "detach");

    /**
     * Swing's teardown: a component's {@code removeNotify()}, where Swing code unregisters from models. An end that a
     * component displayable again at the check (added back) takes back ({@code LifecycleEndRule#revived}).
     */
    static final String SWING_TEARDOWN = "removeNotify";

    /**
     * No-argument methods of a handle that undo the registration it came from, in the order a handle type's
     * methods are tried ({@code Disposable.dispose}, {@code Subscription.unsubscribe}, ...).
     */
    static final List<String> HANDLE_CLOSE = List.of("dispose", "unsubscribe", "cancel", "close", "remove");

    static final Set<String> PRE_DESTROY = Set.of("javax.annotation.PreDestroy", "jakarta.annotation.PreDestroy");

    private NameRules() {}

    /** Whether {@code name} is add-style: add/register/subscribe plus nothing or a family name. */
    static boolean isAdd(String name) {
        return restAfter(name, "add", false) != null
                || restAfter(name, "register", true) != null
                || restAfter(name, "subscribe", true) != null;
    }

    /** Whether {@code name} is remove-style: remove/delete/unregister/deregister/unsubscribe plus a family name. */
    static boolean isRemove(String name) {
        return restAfter(name, "remove", false) != null
                || restAfter(name, "delete", false) != null
                || restAfter(name, "unregister", true) != null
                || restAfter(name, "deregister", true) != null
                || restAfter(name, "unsubscribe", true) != null;
    }

    /** The remove-style names that undo an add-style {@code name}, most likely first. */
    static List<String> removeNamesFor(String name) {
        String rest = restAfter(name, "add", false);
        if (rest != null) {
            return List.of("remove" + rest, "delete" + rest);
        }
        rest = restAfter(name, "register", true);
        if (rest != null) {
            return List.of("unregister" + rest, "deregister" + rest);
        }
        rest = restAfter(name, "subscribe", true);
        if (rest != null) {
            return List.of("unsubscribe" + rest);
        }
        return List.of();
    }

    /** Whether a simple type name reads as a listener type: {@code FooListener}, {@code Observer}, ... */
    static boolean isListenerTypeName(String binaryName) {
        String simple = binaryName.substring(Math.max(binaryName.lastIndexOf('.'), binaryName.lastIndexOf('$')) + 1);
        return FAMILIES.stream().anyMatch(simple::endsWith);
    }

    /**
     * The part of {@code name} after {@code prefix} when it is a family name (or empty, where {@code bareAllowed}),
     * else {@code null}.
     */
    private static String restAfter(String name, String prefix, boolean bareAllowed) {
        if (!name.startsWith(prefix)) {
            return null;
        }
        String rest = name.substring(prefix.length());
        if (rest.isEmpty()) {
            return bareAllowed ? rest : null;
        }
        if (!Character.isUpperCase(rest.charAt(0))) {
            return null;
        }
        for (String family : FAMILIES) {
            if (rest.endsWith(family)) {
                return rest;
            }
        }
        return null;
    }
}
