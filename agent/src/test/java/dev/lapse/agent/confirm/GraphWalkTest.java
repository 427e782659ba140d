package dev.lapse.agent.confirm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A walk begun and advanced question by question gives the answers the whole walk gives, within the same limit, and
 * goes no further than the questions need.
 */
class GraphWalkTest {
    /** A chain of nodes, each with a payload: a graph whose breadth-first order is known. */
    static final class Node {
        Node next;
        final Object payload = new Object();
    }

    private static List<Node> chain(int length) {
        List<Node> nodes = new ArrayList<>();
        Node previous = null;
        for (int i = 0; i < length; i++) {
            Node n = new Node();
            if (previous != null) {
                previous.next = n;
            }
            nodes.add(n);
            previous = n;
        }
        return nodes;
    }

    @Test
    void a_walk_advanced_question_by_question_answers_as_the_whole_walk_does() {
        List<Node> nodes = chain(50);
        Object outside = new Object();
        for (int limit : new int[] {1, 7, 30, 1_000}) {
            GraphWalk whole = new GraphWalk();
            whole.walk(nodes.get(0), limit, x -> {});
            GraphWalk stepwise = new GraphWalk();
            stepwise.begin(nodes.get(0), limit);
            for (Node n : nodes) {
                assertEquals(whole.seen(n.payload), stepwise.reaches(n.payload), "limit " + limit);
                assertEquals(whole.seen(n), stepwise.reaches(n), "limit " + limit);
            }
            assertFalse(stepwise.reaches(outside));
        }
    }

    @Test
    void a_question_answered_near_the_root_walks_no_further() {
        List<Node> nodes = chain(1_000);
        GraphWalk stepwise = new GraphWalk();
        stepwise.begin(nodes.get(0), 10_000);
        assertTrue(stepwise.reaches(nodes.get(1)));
        assertFalse(stepwise.seen(nodes.get(10)), "the walk stopped where the answer was");
        assertTrue(stepwise.reaches(nodes.get(999)), "and goes on for a later question");
    }
}
