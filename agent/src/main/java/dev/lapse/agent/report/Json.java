package dev.lapse.agent.report;

/**
 * A small streaming JSON writer: the agent carries no JSON library. Pretty-printed with two spaces so report
 * files diff well. Callers write {@code name(...)} then a value inside objects.
 */
final class Json {
    private final StringBuilder out = new StringBuilder(4096);
    private int depth;
    private boolean first = true;
    private boolean afterName;

    Json beginObject() {
        value();
        out.append('{');
        depth++;
        first = true;
        return this;
    }

    Json endObject() {
        return close('}');
    }

    Json beginArray() {
        value();
        out.append('[');
        depth++;
        first = true;
        return this;
    }

    Json endArray() {
        return close(']');
    }

    Json name(String name) {
        separate();
        string(name);
        out.append(": ");
        afterName = true;
        return this;
    }

    Json value(String s) {
        value();
        if (s == null) {
            out.append("null");
        } else {
            string(s);
        }
        return this;
    }

    Json value(long n) {
        value();
        out.append(n);
        return this;
    }

    Json value(boolean b) {
        value();
        out.append(b);
        return this;
    }

    /** Writes a tree of maps, lists, strings, numbers, booleans and nulls, as read by {@link JsonValue}. */
    Json tree(Object node) {
        if (node instanceof java.util.Map) {
            beginObject();
            for (java.util.Map.Entry<?, ?> e : ((java.util.Map<?, ?>) node).entrySet()) {
                name((String) e.getKey()).tree(e.getValue());
            }
            return endObject();
        }
        if (node instanceof java.util.List) {
            beginArray();
            for (Object item : (java.util.List<?>) node) {
                tree(item);
            }
            return endArray();
        }
        if (node instanceof Boolean) {
            return value((boolean) (Boolean) node);
        }
        if (node instanceof Double || node instanceof Float) {
            value();
            out.append(node);
            return this;
        }
        if (node instanceof Number) {
            return value(((Number) node).longValue());
        }
        return value(node == null ? null : node.toString());
    }

    /** {@code name: value} for a string. */
    Json field(String name, String value) {
        return name(name).value(value);
    }

    Json field(String name, long value) {
        return name(name).value(value);
    }

    Json field(String name, boolean value) {
        return name(name).value(value);
    }

    @Override
    public String toString() {
        return out.toString() + "\n";
    }

    private Json close(char c) {
        depth--;
        if (!first) {
            newline();
        }
        out.append(c);
        first = false;
        return this;
    }

    private void value() {
        if (afterName) {
            afterName = false;
            return;
        }
        separate();
    }

    private void separate() {
        if (!first) {
            out.append(',');
        }
        if (depth > 0) {
            newline();
        }
        first = false;
    }

    private void newline() {
        out.append('\n');
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
