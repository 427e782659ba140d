package dev.lapse.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lapse.it.support.JsonValue;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void nested_objects_arrays_and_escapes_round_trip() {
        String text = new Json().beginObject()
                .field("s", "quote \" backslash \\ newline \n tab \t control \u0001")
                .field("n", 42L).field("b", true).name("none").value((String) null)
                .name("list").beginArray().value("a").beginObject().field("k", "v").endObject().endArray()
                .name("empty").beginArray().endArray()
                .endObject().toString();
        JsonValue v = JsonValue.parse(text);
        assertEquals("quote \" backslash \\ newline \n tab \t control \u0001", v.get("s").string());
        assertEquals(42, v.get("n").number());
        assertEquals(true, v.get("b").bool());
        assertEquals(true, v.get("none").isNull());
        assertEquals("v", v.get("list").list().get(1).get("k").string());
        assertEquals(0, v.get("empty").list().size());
    }
}
