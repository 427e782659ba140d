package dev.lapse.agent.track;

import dev.lapse.agent.reflect.ReferenceFields;
import java.lang.ref.Reference;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;

/**
 * Recognises weak wrappers: listeners whose every reference field is a {@link Reference}, so they hold their
 * delegate (and its owner) only weakly, and dynamic proxies whose invocation handler is one (or is lapse-weak's,
 * which also holds the action that removes it from its subject). A wrapper left on its subject keeps nothing
 * alive but itself: it is the intended shape of the fix for an API without a remove method, not a lapsed
 * listener.
 */
public final class WeakWrappers {
    private static final ClassValue<Boolean> WRAPPER = new ClassValue<Boolean>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            Field[] fields = ReferenceFields.of(type);
            if (fields.length == 0) {
                return false;
            }
            for (Field f : fields) {
                if (!Reference.class.isAssignableFrom(f.getType())) {
                    return false;
                }
            }
            return true;
        }
    };

    private WeakWrappers() {}

    /** lapse-weak's handler, by name: the agent does not depend on the library. */
    private static final String LAPSE_WEAK_HANDLER = "dev.lapse.weak.WeakListener$Handler";

    /**
     * The field through which a weak wrapper reaches its delegate, and the reference in it: the first whose delegate
     * is alive, else the first at all (a delegate already collected); {@code null} when there is none.
     */
    public static Delegate delegate(Object wrapper) {
        boolean proxy = Proxy.isProxyClass(wrapper.getClass());
        Object holder = proxy ? Proxy.getInvocationHandler(wrapper) : wrapper;
        Delegate cleared = null;
        for (Field f : ReferenceFields.of(holder.getClass())) {
            if (Reference.class.isAssignableFrom(f.getType())) {
                Object value = ReferenceFields.read(f, holder);
                if (value instanceof Reference) {
                    Delegate d = new Delegate((proxy ? "h." : "") + f.getName(), (Reference<?>) value);
                    if (d.reference().get() != null) {
                        return d;
                    }
                    cleared = cleared == null ? d : cleared;
                }
            }
        }
        return cleared;
    }

    /** A weak wrapper's reference to its delegate and the field that holds it ({@code ref}, {@code h.delegate}). */
    public record Delegate(String field, Reference<?> reference) {}

    public static boolean isWeakWrapper(Object listener) {
        Class<?> type = listener.getClass();
        if (Proxy.isProxyClass(type)) {
            Class<?> handler = Proxy.getInvocationHandler(listener).getClass();
            return handler.getName().equals(LAPSE_WEAK_HANDLER) || WRAPPER.get(handler);
        }
        return WRAPPER.get(type);
    }
}
