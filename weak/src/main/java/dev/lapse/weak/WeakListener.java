package dev.lapse.weak;

import java.lang.ref.WeakReference;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A weak wrapper for any listener interface: it holds its delegate weakly, passes every event on while the
 * delegate lives, and takes itself off the subject through the API's remove method once the delegate is gone.
 * The subject then no longer keeps the listener's owner alive.
 *
 * <h2>The rule that makes it safe</h2>
 * <b>The owner keeps a strong reference to the delegate</b>, in a field, for as long as it wants events. The
 * wrapper's only hold on the delegate is weak: a delegate that nothing else references — a lambda or method
 * reference written inline, {@code WeakListener.of(L.class, this::onChange, ...)} — is collected at the next
 * collection and the callback silently stops. Write it like this:
 *
 * <pre>{@code
 * final class PriceTag {
 *     // the strong reference: lives exactly as long as the tag
 *     private final PropertyChangeListener onPrice = e -> show((BigDecimal) e.getNewValue());
 *
 *     PriceTag(Product product) {
 *         product.addPropertyChangeListener("price", WeakListener.of(PropertyChangeListener.class, onPrice,
 *                 l -> product.removePropertyChangeListener("price", l)));
 *     }
 * }
 * }</pre>
 *
 * <p>The remove action must not reference the owner ({@code l -> this.product.remove(l)} captures {@code this},
 * and the wrapper would keep the owner alive through it): capture the subject, as above, or use a method
 * reference bound to it ({@code bus::unregister}).
 *
 * <h2>When it is removed</h2>
 * The wrapper notices that its delegate is gone at the next event it is given: it then calls the remove action
 * once (inline, or through the executor given to {@link #of(Class, Object, Consumer, Executor)} for subjects that
 * iterate their own list while dispatching and would fail on a removal during dispatch) and ignores the event.
 * Until then it stays registered, holding neither the delegate nor the owner. For an API with no remove method
 * use {@link #of(Class, Object)}: the wrapper stays on the subject for good, a few dozen bytes.
 *
 * <h2>Identity</h2>
 * A wrapper equals only itself and never calls the delegate's {@code equals}, {@code hashCode} or
 * {@code toString}; keep the wrapper if you need to remove it yourself. Exceptions thrown by the delegate reach
 * the subject unchanged; one thrown by the remove action is dropped (the wrapper is not tried again).
 */
public final class WeakListener {

    private WeakListener() {}

    /**
     * Wraps {@code delegate} for a subject whose remove method {@code remove} calls, inline, once the delegate
     * is gone.
     *
     * @param type     the listener interface the subject takes
     * @param delegate the listener; the owner must keep a strong reference to it
     * @param remove   takes the wrapper off the subject, e.g. {@code l -> button.removeActionListener(l)}
     * @return the wrapper, to register in place of the delegate
     * @throws IllegalArgumentException when {@code type} is not an interface
     */
    public static <L> L of(Class<L> type, L delegate, Consumer<? super L> remove) {
        return of(type, delegate, remove, Runnable::run);
    }

    /**
     * As {@link #of(Class, Object, Consumer)}, with the removal handed to {@code removeOn}: for subjects that
     * iterate their own listener list while dispatching (use {@code SwingUtilities::invokeLater} on Swing's
     * thread, or an executor of the subject's own).
     */
    public static <L> L of(Class<L> type, L delegate, Consumer<? super L> remove, Executor removeOn) {
        Objects.requireNonNull(remove, "remove");
        Objects.requireNonNull(removeOn, "removeOn");
        return create(type, delegate, remove, removeOn);
    }

    /**
     * Wraps {@code delegate} for an API with no remove method: the wrapper stays on the subject after the delegate
     * is gone, but holds nothing.
     */
    public static <L> L of(Class<L> type, L delegate) {
        return create(type, delegate, null, null);
    }

    /** Whether {@code listener} is a wrapper made here. */
    public static boolean isWeak(Object listener) {
        return listener != null
                && Proxy.isProxyClass(listener.getClass())
                && Proxy.getInvocationHandler(listener) instanceof Handler;
    }

    private static <L> L create(Class<L> type, L delegate, Consumer<? super L> remove, Executor removeOn) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(delegate, "delegate");
        if (!type.isInterface()) {
            throw new IllegalArgumentException(
                    "WeakListener wraps listener interfaces; " + type.getName() + " is a class");
        }
        if (!type.isInstance(delegate)) {
            throw new IllegalArgumentException(
                    "the delegate, a " + delegate.getClass().getName() + ", is not a " + type.getName());
        }
        Handler<L> handler = new Handler<>(type, delegate, remove, removeOn);
        return type.cast(Proxy.newProxyInstance(loader(type), new Class<?>[] {type}, handler));
    }

    private static ClassLoader loader(Class<?> type) {
        ClassLoader l = type.getClassLoader();
        return l != null ? l : WeakListener.class.getClassLoader(); // a JDK interface: any loader sees it
    }

    /**
     * The wrapper's state. Its fields: the delegate, weakly; the remove action and executor, which reach the
     * subject (already holding the wrapper) and never the owner. Lapse's agent recognises it by name.
     */
    static final class Handler<L> implements InvocationHandler {
        private final Class<L> type;
        private final WeakReference<L> delegate;
        private final Consumer<? super L> remove;
        private final Executor removeOn;
        private final AtomicBoolean removed = new AtomicBoolean();

        Handler(Class<L> type, L delegate, Consumer<? super L> remove, Executor removeOn) {
            this.type = type;
            this.delegate = new WeakReference<>(delegate);
            this.remove = remove;
            this.removeOn = removeOn;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                switch (method.getName()) {
                    case "equals":
                        return proxy == args[0];
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    default:
                        return "WeakListener<" + type.getName() + ">" + (delegate.get() == null ? "(collected)" : "");
                }
            }
            L target = delegate.get();
            if (target == null) {
                removeOnce(proxy);
                return defaultValue(method.getReturnType());
            }
            if (!Modifier.isPublic(type.getModifiers())) {
                method.trySetAccessible(); // a package-private listener interface of the application
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private void removeOnce(Object proxy) {
            if (remove == null || !removed.compareAndSet(false, true)) {
                return;
            }
            L self = type.cast(proxy);
            removeOn.execute(() -> {
                try {
                    remove.accept(self);
                } catch (RuntimeException e) {
                    // the subject refused; the wrapper holds nothing, so leaving it registered is harmless
                }
            });
        }

        private static Object defaultValue(Class<?> type) {
            if (!type.isPrimitive() || type == void.class) {
                return null;
            }
            if (type == boolean.class) {
                return false;
            }
            if (type == char.class) {
                return '\0';
            }
            if (type == long.class) {
                return 0L;
            }
            if (type == float.class) {
                return 0f;
            }
            if (type == double.class) {
                return 0d;
            }
            if (type == byte.class) {
                return (byte) 0;
            }
            if (type == short.class) {
                return (short) 0;
            }
            return 0;
        }
    }
}
