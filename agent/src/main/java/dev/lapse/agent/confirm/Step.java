package dev.lapse.agent.confirm;

/** One hop of a reference chain: an object of class {@code from} holds {@code to} in {@code field}. Immutable. */
public final class Step {
    /** Binary class name of the holder; for a static field, the class that declares it. */
    public final String from;
    /** Field name, {@code [i]} for an array element, {@code static NAME} for a static field. */
    public final String field;
    /** Binary class name of the object held. */
    public final String to;

    public Step(String from, String field, String to) {
        this.from = from;
        this.field = field;
        this.to = to;
    }

    /** The field with array indexes generalised to {@code [x]}, so the same leak groups across runs. */
    public String genericField() {
        return field.startsWith("[") ? "[x]" : field;
    }
}
