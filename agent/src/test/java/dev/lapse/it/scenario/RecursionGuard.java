package dev.lapse.it.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A static register/unregister pair that is no listener API: a toString recursion guard (as commons-lang's
 * ToStringStyle keeps one) marks the objects being printed in a set per thread, so two nested registrations and one
 * removal leave nothing. A node printed that way, then closed and kept alive by a list of the application's own, is
 * not held by the guard; no static field of the guard's reaches its store, so the walk cannot show it either way.
 */
public final class RecursionGuard {
    static final List<Node> NODES = new ArrayList<>();

    private RecursionGuard() {}

    /** The guard: a set of the objects being printed, per thread. */
    public static final class Guard {
        private static final ThreadLocal<Set<Object>> PRINTING =
                ThreadLocal.withInitial(() -> Collections.newSetFromMap(new IdentityHashMap<>()));

        private Guard() {}

        public static void register(Object o) {
            PRINTING.get().add(o);
        }

        public static void unregister(Object o) {
            PRINTING.get().remove(o);
        }
    }

    /** Prints itself through the guard, the way a reflective toString builder does. */
    public static final class Node {
        String describe() {
            Guard.register(this);
            try {
                Guard.register(this); // a nested field printed the same object: the set holds it once
                return "node";
            } finally {
                Guard.unregister(this);
            }
        }

        public void close() {}
    }

    public static void main(String[] args) {
        Node node = new Node();
        NODES.add(node);
        System.out.println(node.describe());
        node.close();
    }
}
