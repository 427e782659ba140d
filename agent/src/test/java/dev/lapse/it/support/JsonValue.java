package dev.lapse.it.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A minimal JSON reader for checking report files in tests: objects, arrays, strings, numbers, booleans, null. */
public final class JsonValue {
    private final Object value;

    private JsonValue(Object value) {
        this.value = value;
    }

    public static JsonValue parse(String text) {
        Parser p = new Parser(text);
        Object v = p.value();
        p.skipSpace();
        if (p.pos != text.length()) {
            throw new IllegalArgumentException("trailing text at " + p.pos);
        }
        return new JsonValue(v);
    }

    /** A member of an object; dotted paths ({@code "owner.class"}) walk nested objects. Missing: a null value. */
    public JsonValue get(String path) {
        Object current = value;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map)) {
                return new JsonValue(null);
            }
            current = ((Map<?, ?>) current).get(key);
        }
        return new JsonValue(current);
    }

    public boolean has(String key) {
        return value instanceof Map && ((Map<?, ?>) value).containsKey(key);
    }

    public List<JsonValue> list() {
        if (!(value instanceof List)) {
            throw new IllegalStateException("not an array: " + value);
        }
        List<JsonValue> items = new ArrayList<>();
        for (Object o : (List<?>) value) {
            items.add(new JsonValue(o));
        }
        return items;
    }

    public String string() {
        return value == null ? null : value instanceof String ? (String) value : String.valueOf(value);
    }

    public long number() {
        if (!(value instanceof Number)) {
            throw new IllegalStateException("not a number: " + value);
        }
        return ((Number) value).longValue();
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
            char c = s.charAt(pos);
            switch (c) {
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
            if (s.charAt(pos) == '}') {
                pos++;
                return m;
            }
            while (true) {
                skipSpace();
                String key = string();
                skipSpace();
                expect(":");
                m.put(key, value());
                skipSpace();
                if (s.charAt(pos++) == '}') {
                    return m;
                }
            }
        }

        List<Object> array() {
            List<Object> l = new ArrayList<>();
            pos++;
            skipSpace();
            if (s.charAt(pos) == ']') {
                pos++;
                return l;
            }
            while (true) {
                l.add(value());
                skipSpace();
                if (s.charAt(pos++) == ']') {
                    return l;
                }
            }
        }

        String string() {
            StringBuilder b = new StringBuilder();
            pos++;
            while (true) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    return b.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(pos++);
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
                        case 'u':
                            b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                            pos += 4;
                            break;
                        default:
                            b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
        }

        Number number() {
            int start = pos;
            while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
            String n = s.substring(start, pos);
            return n.contains(".") || n.contains("e") || n.contains("E") ? (Number) Double.parseDouble(n)
                    : (Number) Long.parseLong(n);
        }

        void expect(String word) {
            if (!s.startsWith(word, pos)) {
                throw new IllegalArgumentException("expected " + word + " at " + pos);
            }
            pos += word.length();
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }
    }
}
