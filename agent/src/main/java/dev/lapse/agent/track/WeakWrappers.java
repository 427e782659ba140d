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
final class WeakWrappers {
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

    private WeakWrappers() {
    }

    /** lapse-weak's handler, by name: the agent does not depend on the library. */
    private static final String LAPSE_WEAK_HANDLER = "dev.lapse.weak.WeakListener$Handler";

    static boolean isWeakWrapper(Object listener) {
        Class<?> type = listener.getClass();
        if (Proxy.isProxyClass(type)) {
            Class<?> handler = Proxy.getInvocationHandler(listener).getClass();
            return handler.getName().equals(LAPSE_WEAK_HANDLER) || WRAPPER.get(handler);
        }
        return WRAPPER.get(type);
    }
}
