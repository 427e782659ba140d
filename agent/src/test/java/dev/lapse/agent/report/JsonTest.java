package dev.lapse.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {
    @Test
    void nested_objects_arrays_and_escapes_round_trip() {
        String text = new Json()
                .beginObject()
                .field("s", "quote \" backslash \\ newline \n tab \t control \u0001")
                .field("n", 42L)
                .field("b", true)
                .name("none")
                .value((String) null)
                .name("list")
                .beginArray()
                .value("a")
                .beginObject()
                .field("k", "v")
                .endObject()
                .endArray()
                .name("empty")
                .beginArray()
                .endArray()
                .endObject()
                .toString();
        JsonValue v = JsonValue.parse(text);
        assertEquals(
                "quote \" backslash \\ newline \n tab \t control \u0001",
                v.get("s").string());
        assertEquals(42, v.get("n").number());
        assertEquals(true, v.get("b").bool());
        assertEquals(true, v.get("none").isNull());
        assertEquals("v", v.get("list").list().get(1).get("k").string());
        assertEquals(0, v.get("empty").list().size());
    }

    @Test
    void a_read_tree_is_written_back_as_it_was_read() {
        String text = new Json()
                .beginObject()
                .field("a", 1L)
                .name("b")
                .beginArray()
                .value("x")
                .value(false)
                .endArray()
                .name("c")
                .beginObject()
                .field("d", (String) null)
                .endObject()
                .endObject()
                .toString();
        assertEquals(text, JsonValue.parse(text).toJson());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\": 1,\n \"b\": }", "{\"a\" 1}", "[1, 2", "{\"a\": tru}", "{} x", ""})
    void text_that_is_not_json_is_refused_with_where(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonValue.parse(text));
        assertTrue(e.getMessage().startsWith("not JSON: ") && e.getMessage().contains(" at line "), e.getMessage());
    }

    @Test
    void the_position_is_the_line_and_column_where_it_went_wrong() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> JsonValue.parse("{\"a\": 1,\n  \"b\": ]}"));
        assertEquals("not JSON: expected a value at line 2, column 8", e.getMessage());
    }
}
