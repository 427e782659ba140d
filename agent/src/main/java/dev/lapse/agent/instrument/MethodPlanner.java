package dev.lapse.agent.instrument;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;

/**
 * Decides which methods of a type are registration APIs, removals or lifecycle ends (DESIGN.md sections 2
 * and 3), and gives each an {@link ApiMethod} id. Names are checked first, so most types are rejected without
 * resolving a single parameter type.
 */
final class MethodPlanner {

    /** One method of the type being transformed, and what it is. */
    static final class Planned {
        final MethodDescription.InDefinedShape method;
        final ApiMethod api;

        Planned(MethodDescription.InDefinedShape method, ApiMethod api) {
            this.method = method;
            this.api = api;
        }
    }

    /** Key-like parameter types that are never the listener: a property name, an event type, a file. */
    private static final Set<String> KEY_TYPES = Set.of(
            "java.lang.String",
            "java.lang.CharSequence",
            "java.lang.Class",
            "java.lang.Integer",
            "java.lang.Long",
            "java.lang.Short",
            "java.lang.Byte",
            "java.lang.Boolean",
            "java.lang.Character",
            "java.lang.Double",
            "java.lang.Float",
            "java.lang.Number",
            "java.io.File",
            "java.nio.file.Path",
            "java.net.URI",
            "java.net.URL",
            "java.time.Duration",
            "java.util.concurrent.TimeUnit",
            "java.util.concurrent.Executor",
            "java.util.concurrent.ExecutorService");

    private static final int MAX_HIERARCHY_DEPTH = 12;

    private final ApiCatalog catalog;
    private final TypeScope scope;
    private final Set<String> lifecycleNames;

    MethodPlanner(ApiCatalog catalog, TypeScope scope, Set<String> lifecycleNames) {
        this.catalog = catalog;
        this.scope = scope;
        this.lifecycleNames = lifecycleNames;
    }

    /** The instrumented methods of {@code type}; empty when it has none (most types). */
    List<Planned> plan(TypeDescription type) {
        TypeScope.Kind kind = scope.kindOf(type.getName());
        if (kind == TypeScope.Kind.NONE || type.isInterface() || type.isAnnotation()) {
            return List.of();
        }
        List<Planned> planned = new ArrayList<>();
        for (MethodDescription.InDefinedShape m : type.getDeclaredMethods()) {
            if (!m.isMethod() || m.isAbstract() || m.isNative() || m.isBridge() || m.isSynthetic()) {
                continue;
            }
            String name = m.getName();
            if (!m.isPrivate()) {
                if (scope.isEventListenerList(type.getName())) {
                    planEventListenerList(m, planned);
                } else if (NameRules.isAdd(name)) {
                    planAdd(type, m, planned);
                } else if (NameRules.isRemove(name)) {
                    planRemove(m, planned);
                }
            }
            if (!m.isStatic() && isLifecycleEnd(kind, type, m)) {
                planned.add(new Planned(
                        m,
                        catalog.register(
                                ApiMethod.Kind.END,
                                type.getName(),
                                name,
                                parameterTypes(m),
                                -1,
                                null,
                                null,
                                false,
                                null,
                                null)));
            } else if (kind == TypeScope.Kind.APPLICATION
                    && !m.isStatic()
                    && !m.isPrivate()
                    && m.getParameters().isEmpty()
                    && NameRules.HANDLE_CLOSE.contains(name)) {
                // any class may be the handle some add method returns: which ones, only the call can tell
                planned.add(new Planned(
                        m,
                        catalog.register(
                                ApiMethod.Kind.CLOSE,
                                type.getName(),
                                name,
                                List.of(),
                                -1,
                                null,
                                null,
                                false,
                                null,
                                null)));
            }
        }
        return planned;
    }

    private boolean isLifecycleEnd(TypeScope.Kind kind, TypeDescription type, MethodDescription.InDefinedShape m) {
        if (kind == TypeScope.Kind.JDK_UI) {
            return scope.isJdkLifecycleEnd(type.getName(), m.getName());
        }
        if (lifecycleNames.contains(m.getName())) {
            return true;
        }
        for (AnnotationDescription a : m.getDeclaredAnnotations()) {
            if (NameRules.PRE_DESTROY.contains(a.getAnnotationType().getName())) {
                return true;
            }
        }
        return false;
    }

    private void planAdd(TypeDescription type, MethodDescription.InDefinedShape m, List<Planned> planned) {
        int index = listenerIndex(m);
        if (index < 0) {
            return;
        }
        TypeDescription listenerType = m.getParameters().get(index).getType().asErasure();
        MethodDescription remove = findRemove(type, m, listenerType.getName());
        TypeDescription returned = m.getReturnType().asErasure();
        String handleClose = handleClose(type, returned);
        if (remove == null && handleClose == null && !isListenerType(listenerType)) {
            return; // an add with no remove or handle counts only when its argument is plainly a listener
        }
        planned.add(new Planned(
                m,
                catalog.register(
                        ApiMethod.Kind.ADD,
                        type.getName(),
                        m.getName(),
                        parameterTypes(m),
                        index,
                        remove == null ? null : remove.getName(),
                        remove == null ? null : parameterTypes(remove),
                        m.isStatic(),
                        handleClose == null ? null : returned.getName(),
                        handleClose)));
    }

    private void planRemove(MethodDescription.InDefinedShape m, List<Planned> planned) {
        int index = listenerIndex(m);
        if (index >= 0) {
            planned.add(new Planned(
                    m,
                    catalog.register(
                            ApiMethod.Kind.REMOVE,
                            m.getDeclaringType().getName(),
                            m.getName(),
                            parameterTypes(m),
                            index,
                            m.getName(),
                            parameterTypes(m),
                            m.isStatic(),
                            null,
                            null)));
        }
    }

    /** {@code EventListenerList.add(Class, EventListener)} / {@code remove(Class, EventListener)}. */
    private void planEventListenerList(MethodDescription.InDefinedShape m, List<Planned> planned) {
        if (m.getParameters().size() != 2 || m.isStatic()) {
            return;
        }
        if (m.getName().equals("add")) {
            planned.add(new Planned(
                    m,
                    catalog.register(
                            ApiMethod.Kind.ADD,
                            m.getDeclaringType().getName(),
                            "add",
                            parameterTypes(m),
                            1,
                            "remove",
                            parameterTypes(m),
                            false,
                            null,
                            null)));
        } else if (m.getName().equals("remove")) {
            planned.add(new Planned(
                    m,
                    catalog.register(
                            ApiMethod.Kind.REMOVE,
                            m.getDeclaringType().getName(),
                            "remove",
                            parameterTypes(m),
                            1,
                            "remove",
                            parameterTypes(m),
                            false,
                            null,
                            null)));
        }
    }

    /**
     * The listener parameter: the one reference parameter that is not key-like; among several, the last one
     * whose type reads as a listener, else the last one. -1 when there is none.
     */
    static int listenerIndex(MethodDescription m) {
        int chosen = -1;
        boolean chosenLooksLikeListener = false;
        for (ParameterDescription p : m.getParameters()) {
            TypeDescription t = p.getType().asErasure();
            if (t.isPrimitive() || t.isArray() || KEY_TYPES.contains(t.getName())) {
                continue;
            }
            boolean looksLikeListener = NameRules.isListenerTypeName(t.getName());
            if (chosen < 0 || looksLikeListener || !chosenLooksLikeListener) {
                chosen = p.getIndex();
                chosenLooksLikeListener = looksLikeListener;
            }
        }
        return chosen;
    }

    /**
     * A remove method in the type's hierarchy taking the same listener type, or {@code null}. One with exactly
     * the add's parameters wins ({@code addPropertyChangeListener(String, l)} is undone by the two-argument
     * remove), else the first found ({@code removeAWTEventListener(l)} for {@code addAWTEventListener(l, mask)}).
     */
    private static MethodDescription findRemove(TypeDescription type, MethodDescription add, String listenerType) {
        String addName = add.getName();
        List<String> addParameters = parameterTypes(add);
        MethodDescription found = null;
        List<String> candidates = NameRules.removeNamesFor(addName);
        Set<String> seen = new HashSet<>();
        List<TypeDefinition> queue = new ArrayList<>();
        queue.add(type);
        for (int i = 0; i < queue.size() && i < MAX_HIERARCHY_DEPTH * 4; i++) {
            TypeDefinition t = queue.get(i);
            if (!seen.add(t.getTypeName())) {
                continue;
            }
            try {
                for (MethodDescription m : t.getDeclaredMethods()) {
                    if (candidates.contains(m.getName()) && !m.isPrivate() && takes(m, listenerType)) {
                        if (parameterTypes(m).equals(addParameters)) {
                            return m;
                        }
                        if (found == null) {
                            found = m;
                        }
                    }
                }
                TypeDescription.Generic superClass = t.getSuperClass();
                if (superClass != null) {
                    queue.add(superClass.asErasure());
                }
                for (TypeDescription.Generic i2 : t.getInterfaces()) {
                    queue.add(i2.asErasure());
                }
            } catch (RuntimeException unresolvable) {
                // a supertype missing from the class path: look no further up this branch
            }
        }
        return found;
    }

    /**
     * The method of an add's return type that undoes the registration: {@code close} for an
     * {@code AutoCloseable}, else the first no-argument {@code dispose}, {@code unsubscribe}, {@code cancel},
     * {@code close} or {@code remove} in its hierarchy; {@code null} when it is no handle. A fluent add that
     * returns its own subject ({@code bus.addListener(l).addListener(m)}) returns no handle, whatever methods
     * the subject has.
     */
    static String handleClose(TypeDescription subjectType, TypeDescription returned) {
        if (returned.represents(void.class)
                || returned.isPrimitive()
                || returned.isArray()
                || KEY_TYPES.contains(returned.getName())
                || returned.represents(Object.class)) {
            return null;
        }
        try {
            if (subjectType.isAssignableTo(returned) || returned.isAssignableTo(subjectType)) {
                return null;
            }
            if (returned.isAssignableTo(AutoCloseable.class)) {
                return "close";
            }
            for (String name : NameRules.HANDLE_CLOSE) {
                if (hasNoArgMethod(returned, name)) {
                    return name;
                }
            }
        } catch (RuntimeException unresolvable) {
            // a type missing from the class path: no handle we could watch
        }
        return null;
    }

    private static boolean hasNoArgMethod(TypeDescription type, String name) {
        List<TypeDefinition> queue = new ArrayList<>();
        queue.add(type);
        for (int i = 0; i < queue.size() && i < MAX_HIERARCHY_DEPTH * 4; i++) {
            TypeDefinition t = queue.get(i);
            for (MethodDescription m : t.getDeclaredMethods()) {
                if (m.getName().equals(name) && m.getParameters().isEmpty() && !m.isStatic() && !m.isPrivate()) {
                    return true;
                }
            }
            if (t.getSuperClass() != null) {
                queue.add(t.getSuperClass().asErasure());
            }
            for (TypeDescription.Generic i2 : t.getInterfaces()) {
                queue.add(i2.asErasure());
            }
        }
        return false;
    }

    private static boolean takes(MethodDescription m, String typeName) {
        for (ParameterDescription p : m.getParameters()) {
            if (p.getType().asErasure().getName().equals(typeName)) {
                return true;
            }
        }
        return false;
    }

    /** An interface named like a listener, or anything that is a {@code java.util.EventListener}. */
    private static boolean isListenerType(TypeDescription t) {
        if (t.isInterface() && NameRules.isListenerTypeName(t.getName())) {
            return true;
        }
        try {
            return t.isAssignableTo(java.util.EventListener.class);
        } catch (RuntimeException unresolvable) {
            return false;
        }
    }

    private static List<String> parameterTypes(MethodDescription m) {
        List<String> types = new ArrayList<>();
        for (ParameterDescription p : m.getParameters()) {
            types.add(p.getType().asErasure().getName());
        }
        return types;
    }
}
