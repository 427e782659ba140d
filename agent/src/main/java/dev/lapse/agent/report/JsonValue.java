package dev.lapse.agent.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON value read from a report file: objects, arrays, strings, numbers, booleans, null. What must read JSON (a
 * merge, the shared report directory) reads it with {@link JsonReportReader} into the typed report every format
 * renders; tests read reports with it. Reading is forgiving (a missing member is a null value), conversions are
 * strict (a string where a number belongs throws).
 */
public final class JsonValue {
    private static final JsonValue NULL = new JsonValue(null);

    private final Object value;

    private JsonValue(Object value) {
        this.value = value;
    }

    /**
     * Parses a whole document.
     *
     * @throws IllegalArgumentException naming the line and column where the text stops being JSON
     */
    public static JsonValue parse(String text) {
        Parser p = new Parser(text);
        Object v = p.value();
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("unexpected text after the end of the document");
        }
        return new JsonValue(v);
    }

    /** Wraps a tree of {@code Map<String, ?>}, {@code List<?>}, {@code String}, {@code Number}, {@code Boolean}. */
    static JsonValue of(Object tree) {
        return tree == null ? NULL : new JsonValue(tree);
    }

    /** A member of an object; dotted paths ({@code "owner.class"}) walk nested objects. Missing: a null value. */
    public JsonValue get(String path) {
        Object current = value;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map)) {
                return NULL;
            }
            current = ((Map<?, ?>) current).get(key);
        }
        return of(current);
    }

    public boolean has(String key) {
        return value instanceof Map && ((Map<?, ?>) value).containsKey(key);
    }

    /** The items of an array; an empty list for null, so optional arrays read easily. */
    public List<JsonValue> list() {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List)) {
            throw new IllegalStateException("not an array: " + value);
        }
        List<JsonValue> items = new ArrayList<>();
        for (Object o : (List<?>) value) {
            items.add(of(o));
        }
        return items;
    }

    /** The members of an object in document order; empty for null. */
    public Map<String, JsonValue> members() {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map)) {
            throw new IllegalStateException("not an object: " + value);
        }
        Map<String, JsonValue> members = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
            members.put((String) e.getKey(), of(e.getValue()));
        }
        return Collections.unmodifiableMap(members);
    }

    /** A string, or a number or boolean as text; {@code null} for null. */
    public String string() {
        return value == null ? null : value instanceof String ? (String) value : String.valueOf(value);
    }

    /** A string, or {@code fallback} for null. */
    public String string(String fallback) {
        return value == null ? fallback : string();
    }

    public long number() {
        if (!(value instanceof Number)) {
            throw new IllegalStateException("not a number: " + value);
        }
        return ((Number) value).longValue();
    }

    /** A number, or {@code fallback} when the value is missing. */
    public long number(long fallback) {
        return value == null ? fallback : number();
    }

    public boolean bool() {
        if (!(value instanceof Boolean)) {
            throw new IllegalStateException("not a boolean: " + value);
        }
        return (Boolean) value;
    }

    public boolean isNull() {
        return value == null;
    }

    public boolean isObject() {
        return value instanceof Map;
    }

    /** This value as pretty-printed JSON text, the way report files are written. */
    public String toJson() {
        return new Json().tree(value).toString();
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }

    private static final class Parser {
        final String s;
        int pos;

        Parser(String s) {
            this.s = s;
        }

        Object value() {
            skipSpace();
            switch (peek()) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                case 't':
                    expect("true");
                    return Boolean.TRUE;
                case 'f':
                    expect("false");
                    return Boolean.FALSE;
                case 'n':
                    expect("null");
                    return null;
                default:
                    return number();
            }
        }

        Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            pos++;
            skipSpace();
            if (peek() == '}') {
                pos++;
                return m;
            }
            while (true) {
                skipSpace();
                if (peek() != '"') {
                    throw error("expected a member name in quotes");
                }
                String key = string();
                skipSpace();
                expect(":");
                m.put(key, value());
                skipSpace();
                char c = next();
                if (c == '}') {
                    return m;
                }
                if (c != ',') {
                    pos--;
                    throw error("expected ',' or '}'");
                }
            }
        }

        List<Object> array() {
            List<Object> l = new ArrayList<>();
            pos++;
            skipSpace();
            if (peek() == ']') {
                pos++;
                return l;
            }
            while (true) {
                l.add(value());
                skipSpace();
                char c = next();
                if (c == ']') {
                    return l;
                }
                if (c != ',') {
                    pos--;
                    throw error("expected ',' or ']'");
                }
            }
        }

        String string() {
            StringBuilder b = new StringBuilder();
            pos++;
            while (true) {
                char c = next();
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case 'n':
                        b.append('\n');
                        break;
                    case 't':
                        b.append('\t');
                        break;
                    case 'r':
                        b.append('\r');
                        break;
                    case 'b':
                        b.append('\b');
                        break;
                    case 'f':
                        b.append('\f');
                        break;
                    case 'u':
                        if (pos + 4 > s.length()) {
                            throw error("unfinished \\u escape");
                        }
                        try {
                            b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException bad) {
                            throw error("bad \\u escape");
                        }
                        pos += 4;
                        break;
                    default:
                        b.append(e);
                }
            }
        }

        Number number() {
            int start = pos;
            while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
            String n = s.substring(start, pos);
            try {
                return n.contains(".") || n.contains("e") || n.contains("E")
                        ? (Number) Double.parseDouble(n)
                        : (Number) Long.parseLong(n);
            } catch (NumberFormatException e) {
                pos = start;
                throw error("expected a value");
            }
        }

        void expect(String word) {
            if (!s.startsWith(word, pos)) {
                throw error("expected " + word);
            }
            pos += word.length();
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        char peek() {
            if (pos >= s.length()) {
                throw error("unexpected end of the document");
            }
            return s.charAt(pos);
        }

        char next() {
            char c = peek();
            pos++;
            return c;
        }

        IllegalArgumentException error(String what) {
            int line = 1;
            int column = 1;
            for (int i = 0; i < Math.min(pos, s.length()); i++) {
                if (s.charAt(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            return new IllegalArgumentException("not JSON: " + what + " at line " + line + ", column " + column);
        }
    }
}
