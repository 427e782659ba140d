package dev.lapse.agent.track;

import dev.lapse.agent.reflect.ReferenceFields;
import java.lang.ref.Reference;
import java.lang.reflect.Field;

/**
 * Recognises weak wrappers: listeners whose every reference field is a {@link Reference}, so they hold their
 * delegate (and its owner) only weakly. A wrapper left on its subject keeps nothing alive but itself: it is the
 * intended shape of the fix for an API without a remove method, not a lapsed listener.
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

    static boolean isWeakWrapper(Object listener) {
        return WRAPPER.get(listener.getClass());
    }
}
