package dev.lapse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.report.JsonValue;
import dev.lapse.it.scenario.DetachedSubject;
import dev.lapse.it.scenario.ParallelDetachment;
import dev.lapse.it.scenario.PartialDetachment;
import dev.lapse.it.support.ForkedJvm;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Owners that detach only partly: some of their listeners taken off a subject and others left (partial
 * detachment), or a subject they held and let go of while it still holds their listener (detached subject). Each
 * scenario also holds the look-alikes that are not, so the exact set of findings is asserted.
 */
class DetachmentIT {
    /** The findings by the owner's simple name; an owner with several groups is there once per group. */
    private static Map<String, JsonValue> byOwner(ForkedJvm.Result r) {
        Map<String, JsonValue> byOwner = new TreeMap<>();
        for (JsonValue f : r.findings()) {
            String owner = f.get("owner.class").string();
            String name = owner.substring(owner.lastIndexOf('$') + 1);
            while (byOwner.containsKey(name)) {
                name += "+";
            }
            byOwner.put(name, f);
        }
        return byOwner;
    }

    @Test
    void listeners_left_behind_by_a_teardown_that_removed_others_are_a_partial_detachment() {
        ForkedJvm.Result r = ForkedJvm.main(PartialDetachment.class).run().assertSuccess();
        Map<String, JsonValue> findings = byOwner(r);
        // what the two-model form left on each model is a group of its own
        assertEquals(
                List.of("Form", "RowsView", "TwoModelsForm", "TwoModelsForm+"),
                List.copyOf(findings.keySet()),
                r.text());
        for (JsonValue f : findings.values()) {
            assertEquals("partial-detachment", f.get("signal").string(), r.text());
            assertEquals(1, f.get("count").number(), r.text());
            assertEquals("remove-call", f.get("recommendation.kind").string());
        }
        JsonValue form = findings.get("Form");
        assertTrue(
                form.get("summary")
                        .string()
                        .startsWith("PartialDetachment.Form is kept alive by Subjects.Model:"
                                + " it took listeners off with removeChangeListener(…) at PartialDetachment.java:"),
                r.text());
        assertTrue(form.get("summary").string().endsWith(" and left this one"), r.text());
        String code = form.get("recommendation.code").string();
        assertTrue(code.contains("// in PartialDetachment.Form.unbind(), next to the removal it has:"), code);
        assertTrue(code.contains("PartialDetachment.CUSTOMER.removeChangeListener(listener);"), code);
        String rows = findings.get("RowsView").get("recommendation.code").string();
        assertTrue(rows.contains("// in PartialDetachment.RowsView.unbind(), next to the removal it has:"), rows);
        assertTrue(rows.contains(".removeChangeListener(this);"), rows);
    }

    @Test
    void threads_detaching_at_once_are_counted_exactly() {
        ForkedJvm.Result r = ForkedJvm.main(ParallelDetachment.class).run().assertSuccess();
        Map<String, JsonValue> findings = byOwner(r);
        assertEquals(List.of("Form", "Parent"), List.copyOf(findings.keySet()), r.text());
        int each = ParallelDetachment.THREADS * ParallelDetachment.PER_THREAD / 4;
        assertEquals("partial-detachment", findings.get("Form").get("signal").string(), r.text());
        assertEquals(each, findings.get("Form").get("count").number(), r.text());
        assertEquals("detached-subject", findings.get("Parent").get("signal").string(), r.text());
        assertEquals(each, findings.get("Parent").get("count").number(), r.text());
        assertEquals(0, r.json().get("stats.hookErrors").number(), r.text());
    }

    @Test
    void a_child_its_parent_let_go_of_that_still_holds_the_parents_listener_is_a_detached_subject() {
        ForkedJvm.Result r = ForkedJvm.main(DetachedSubject.class).run().assertSuccess();
        Map<String, JsonValue> findings = byOwner(r);
        assertEquals(List.of("Dialog", "OrdersView", "Parent", "Tree"), List.copyOf(findings.keySet()), r.text());
        for (JsonValue f : findings.values()) {
            assertEquals("detached-subject", f.get("signal").string(), r.text());
        }
        for (String single : List.of("Dialog", "OrdersView", "Parent")) {
            assertEquals(1, findings.get(single).get("count").number(), r.text()); // the parent's new child is not one
        }
        JsonValue tree = findings.get("Tree");
        assertEquals(3, tree.get("count").number(), r.text());
        assertEquals("children[]", tree.get("endOfLife.reason").string(), r.text());
        assertTrue(
                tree.get("summary")
                        .string()
                        .contains("which it no longer holds (it was in DetachedSubject.Tree.children)"),
                tree.get("summary").string());
        String treeFix = tree.get("recommendation.code").string();
        assertTrue(
                treeFix.contains("// where DetachedSubject.Tree takes a Subjects.Model out of children (a removal, a"
                        + " clear), for each model it takes out, before it lets go of it"),
                treeFix);
        assertTrue(treeFix.contains("model.removeChangeListener(listener);"), treeFix);
        JsonValue parent = findings.get("Parent");
        assertEquals("child", parent.get("endOfLife.reason").string(), r.text());
        assertTrue(
                parent.get("summary")
                        .string()
                        .equals("DetachedSubject.Parent is kept alive by Subjects.Model,"
                                + " which it no longer holds (it was in DetachedSubject.Parent.child), through the listener it"
                                + " registered on it"),
                parent.get("summary").string());
        assertTrue(
                r.text()
                        .contains("not ended: the owner let go of its child, which still holds the owner's"
                                + " listener"),
                r.text());
        String code = parent.get("recommendation.code").string();
        assertTrue(
                code.contains("// where DetachedSubject.Parent replaces or clears child, before it lets go of the"
                        + " old one (it registers in DetachedSubject.Parent.setChild()):"),
                code);
        assertTrue(code.contains("child.removeChangeListener(listener);"), code);
        assertEquals("content", findings.get("Dialog").get("endOfLife.reason").string(), r.text());
        assertTrue(
                findings.get("Dialog")
                        .get("recommendation.code")
                        .string()
                        .contains("content.removeChangeListener(this);"),
                r.text());
    }
}
