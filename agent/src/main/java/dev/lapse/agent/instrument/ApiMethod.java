package dev.lapse.agent.instrument;

import java.util.List;

/**
 * One instrumented method, as known at instrumentation time. Instrumented code passes only its {@link #id()};
 * everything else is looked up here when it is needed, which is rarely on the registration path.
 */
public final class ApiMethod {

    /** What calling the method means. */
    public enum Kind {
        /** Registers a listener on the subject. */
        ADD,
        /** Unregisters a listener from the subject. */
        REMOVE,
        /**
         * Ends the life of its receiver (close, dispose, {@code @PreDestroy}, ...); when the receiver is a handle an
         * add method returned, it also undoes that registration.
         */
        END,
        /** Closes a handle an add method returned ({@code cancel()}, {@code unsubscribe()}, ...); ends no life. */
        CLOSE
    }

    private final int id;
    private final Kind kind;
    private final String declaringClass;
    private final String name;
    private final List<String> parameterTypes;
    private final int listenerIndex;
    private final String removeName;
    private final List<String> removeParameterTypes;
    private final boolean isStatic;
    private final String handleType;
    private final String handleClose;
    /** A JDK singleton's or scheduler's API, on which a callback the JDK defines is the JDK's own. */
    private final boolean jdkOwnsJdkCallbacks;

    ApiMethod(
            int id,
            Kind kind,
            String declaringClass,
            String name,
            List<String> parameterTypes,
            int listenerIndex,
            String removeName,
            List<String> removeParameterTypes,
            boolean isStatic,
            String handleType,
            String handleClose) {
        this.id = id;
        this.kind = kind;
        this.declaringClass = declaringClass;
        this.name = name;
        this.parameterTypes = List.copyOf(parameterTypes);
        this.listenerIndex = listenerIndex;
        this.removeName = removeName;
        this.removeParameterTypes = removeParameterTypes == null ? null : List.copyOf(removeParameterTypes);
        this.isStatic = isStatic;
        this.handleType = handleType;
        this.handleClose = handleClose;
        this.jdkOwnsJdkCallbacks = JdkSingletons.declares(declaringClass) || TaskApis.isTask(this);
    }

    public int id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    /** Binary name of the class that declares the method. */
    public String declaringClass() {
        return declaringClass;
    }

    public String name() {
        return name;
    }

    /** Binary names of the parameter types. */
    public List<String> parameterTypes() {
        return parameterTypes;
    }

    /** Index of the listener parameter; -1 for {@link Kind#END}. */
    public int listenerIndex() {
        return listenerIndex;
    }

    /** Binary name of the listener parameter's type, or {@code null} for {@link Kind#END}. */
    public String listenerType() {
        return listenerIndex < 0 ? null : parameterTypes.get(listenerIndex);
    }

    /**
     * For {@link Kind#ADD}: the name of the remove method that undoes it, or {@code null} when the API has none.
     * For {@link Kind#REMOVE}: its own name. Registrations and removals match on this name.
     */
    public String removeName() {
        return removeName;
    }

    /**
     * Binary names of the parameter types of the method named by {@link #removeName()}, or {@code null} when
     * there is none. They can differ from the add's: {@code Toolkit.addAWTEventListener(listener, mask)} is undone
     * by {@code removeAWTEventListener(listener)}.
     */
    public List<String> removeParameterTypes() {
        return removeParameterTypes;
    }

    public boolean isStatic() {
        return isStatic;
    }

    /**
     * For an {@link Kind#ADD} that returns a handle undoing the registration ({@code Disposable},
     * {@code AutoCloseable}, ...): the binary name of the declared return type; else {@code null}.
     */
    public String handleType() {
        return handleType;
    }

    /** The handle's method that undoes the registration ({@code dispose}, {@code close}, ...), or {@code null}. */
    public String handleClose() {
        return handleClose;
    }

    /**
     * Whether a registration of a listener of this class through this method is the JDK's own, which is not
     * tracked: a callback the JDK defines ({@link JdkSingletons#isJdkOwn}) on one of its JVM-wide singletons (JMX's
     * and logging's own listeners) or on its schedulers and futures (its own timeouts, delays and completions).
     * Decided without a look-up.
     */
    public boolean isJdkOwn(Class<?> listenerClass) {
        return jdkOwnsJdkCallbacks && JdkSingletons.isJdkOwn(listenerClass);
    }

    /** Whether a call of {@code remove} undoes a registration made through this method. */
    public boolean undoneBy(ApiMethod remove) {
        return kind == Kind.ADD && remove.kind == Kind.REMOVE && remove.name.equals(removeName);
    }

    /** {@code com.acme.Model#addListener}. */
    public String display() {
        return declaringClass + "#" + name;
    }

    @Override
    public String toString() {
        return kind + " " + display() + parameterTypes;
    }
}
