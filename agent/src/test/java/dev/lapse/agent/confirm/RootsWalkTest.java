package dev.lapse.agent.confirm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A walk asked about some objects ends once it reached them all, and walks everything while one is missing. */
class RootsWalkTest {
    static final class Node {
        Node next;
    }

    private static Node[] chain(int length) {
        Node[] nodes = new Node[length];
        for (int i = length - 1; i >= 0; i--) {
            nodes[i] = new Node();
            nodes[i].next = i + 1 < length ? nodes[i + 1] : null;
        }
        return nodes;
    }

    private static Set<Object> identitySetOf(Object... objects) {
        Set<Object> set = Collections.newSetFromMap(new IdentityHashMap<>());
        Collections.addAll(set, objects);
        return set;
    }

    private static ReferenceWalker.Budget budget() {
        return new ReferenceWalker.Budget(1_000_000, Long.MAX_VALUE);
    }

    @Test
    void the_walk_ends_once_every_object_asked_about_is_reached() {
        Node[] nodes = chain(100);
        Set<Object> reached =
                RootsWalk.from(List.of(nodes[0]), identitySetOf(), identitySetOf(nodes[3], nodes[5]), budget());
        assertTrue(reached.contains(nodes[5]));
        assertFalse(reached.contains(nodes[50]), "nothing past the last answer");
    }

    @Test
    void an_object_not_reachable_lets_the_walk_see_everything() {
        Node[] nodes = chain(100);
        Set<Object> reached =
                RootsWalk.from(List.of(nodes[0]), identitySetOf(), identitySetOf(nodes[3], new Node()), budget());
        assertTrue(reached.contains(nodes[99]));
    }

    @Test
    void what_it_stops_at_is_reached_but_not_entered() {
        Node[] nodes = chain(10);
        Set<Object> reached =
                RootsWalk.from(List.of(nodes[0]), identitySetOf(nodes[4]), identitySetOf(new Node()), budget());
        assertTrue(reached.contains(nodes[4]));
        assertFalse(reached.contains(nodes[5]));
    }
}
