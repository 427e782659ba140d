package dev.lapse.corpus.vertx;

import java.lang.reflect.Method;

/**
 * What Vert.x 5 hands out is a {@code Cleanable…} wrapper that closes the real client when the wrapper is
 * collected; the object its close hook registers, and so the one that leaks, is the client inside. The drivers
 * watch that one: a weak reference to the wrapper would prove nothing about it.
 */
final class Internals {
    private Internals() {}

    /** The client inside a {@code CleanableObject} (5.1) or {@code CleanableResource} (5.2) wrapper. */
    static Object clientInside(Object wrapper) throws ReflectiveOperationException {
        for (Class<?> c = wrapper.getClass(); c != null; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals("get") && m.getParameterCount() == 0 && !m.isSynthetic()) {
                    m.setAccessible(true);
                    return m.invoke(wrapper);
                }
            }
        }
        throw new IllegalStateException("no client inside " + wrapper.getClass().getName());
    }
}
