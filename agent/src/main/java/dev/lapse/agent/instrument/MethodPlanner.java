package dev.lapse.agent.instrument;

import dev.lapse.agent.instrument.TypeInfo.MethodInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Decides which methods of a type are registration APIs, removals or lifecycle ends (DESIGN.md sections 2
 * and 3), and gives each an {@link ApiMethod} id. Names are checked first, so most types are rejected without
 * reading a single other class file; questions about supertypes go to a {@link Hierarchy}.
 */
final class MethodPlanner {

    /** One method of the type being transformed, and what it is. */
    record Planned(MethodInfo method, ApiMethod api) {}

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

    private static final int SKIPPED =
            Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE | Opcodes.ACC_SYNTHETIC;

    private final ApiCatalog catalog;
    private final TypeScope scope;
    private final Set<String> lifecycleNames;

    MethodPlanner(ApiCatalog catalog, TypeScope scope, Set<String> lifecycleNames) {
        this.catalog = catalog;
        this.scope = scope;
        this.lifecycleNames = lifecycleNames;
    }

    /** Whether a class of this name is looked at at all. */
    boolean inScope(String className) {
        return scope.kindOf(className) != TypeScope.Kind.NONE;
    }

    /** The instrumented methods of {@code type}, from its declarations only: no pair outside the name families. */
    List<Planned> plan(TypeInfo type, Hierarchy hierarchy) {
        return plan(type, hierarchy, null);
    }

    /**
     * The instrumented methods of {@code type}; empty when it has none (most types).
     *
     * @param classFile the class file of {@code type}, whose code decides an add outside the name families
     *     ({@link UnnamedPairs}); {@code null} when there is none to read
     */
    List<Planned> plan(TypeInfo type, Hierarchy hierarchy, byte[] classFile) {
        TypeScope.Kind kind = scope.kindOf(type.name());
        if (kind == TypeScope.Kind.NONE || type.is(Opcodes.ACC_INTERFACE) || type.is(Opcodes.ACC_SYNTHETIC)) {
            return List.of(); // annotations are interfaces too
        }
        if (kind == TypeScope.Kind.JDK_TASKS) {
            return planTasks(type);
        }
        List<Planned> planned = new ArrayList<>();
        for (MethodInfo m : type.methods()) {
            if (!m.isMethod() || m.is(SKIPPED)) {
                continue;
            }
            String name = m.name();
            boolean isPrivate = m.is(Opcodes.ACC_PRIVATE);
            boolean isStatic = m.is(Opcodes.ACC_STATIC);
            if (!isPrivate) {
                JdkSingletons.Pair pair = JdkSingletons.pairOf(type.name(), name);
                if (scope.isEventListenerList(type.name())) {
                    planEventListenerList(type, m, planned);
                } else if (pair != null) {
                    planSingletonPair(type, m, pair, planned);
                } else if (NameRules.isAdd(name)) {
                    planAdd(type, m, hierarchy, planned);
                } else if (NameRules.isRemove(name)) {
                    planRemove(type, m, planned);
                } else if (kind == TypeScope.Kind.APPLICATION && UnnamedPairs.addRest(name) != null) {
                    planUnnamed(type, m, hierarchy, classFile, planned);
                }
            }
            if (!isStatic && isLifecycleEnd(kind, type, m)) {
                planned.add(new Planned(m, register(ApiMethod.Kind.END, type, m, -1, null, null, null)));
            } else if (kind == TypeScope.Kind.APPLICATION
                    && !isStatic
                    && !isPrivate
                    && m.descriptor().startsWith("()")
                    && NameRules.HANDLE_CLOSE.contains(name)) {
                // any class may be the handle some add method returns: which ones, only the call can tell
                planned.add(new Planned(m, register(ApiMethod.Kind.CLOSE, type, m, -1, null, null, null)));
            }
        }
        return planned;
    }

    private boolean isLifecycleEnd(TypeScope.Kind kind, TypeInfo type, MethodInfo m) {
        if (kind == TypeScope.Kind.JDK) {
            return scope.isJdkLifecycleEnd(type.name(), m.name());
        }
        if (lifecycleNames.contains(m.name())
                || (m.name().equals(NameRules.SWING_TEARDOWN) && m.descriptor().equals("()V"))) {
            return true; // an application component's own removeNotify(): its teardown, unless it is added back
        }
        for (String annotation : m.annotations()) {
            if (NameRules.PRE_DESTROY.contains(annotation)) {
                return true;
            }
        }
        return false;
    }

    private void planAdd(TypeInfo type, MethodInfo m, Hierarchy hierarchy, List<Planned> planned) {
        int index = listenerIndex(m.parameters());
        if (index < 0) {
            return;
        }
        String listenerType = TypeInfo.nameOf(m.parameters()[index]);
        if (!singletonListener(type, listenerType)) {
            return;
        }
        MethodInfo remove = hierarchy.findRemove(type, m, listenerType);
        Type returned = Type.getReturnType(m.descriptor());
        String handleClose = hierarchy.handleClose(type, returned);
        if (remove == null
                && handleClose == null
                && !hierarchy.isListenerType(listenerType)
                && !TaskApis.isLibraryFuture(type.name(), m.name())) {
            return; // an add with no remove or handle counts only when its argument is plainly a listener
        }
        planned.add(new Planned(
                m,
                register(
                        ApiMethod.Kind.ADD,
                        type,
                        m,
                        index,
                        remove,
                        handleClose == null ? null : returned.getClassName(),
                        handleClose)));
    }

    /**
     * A scheduler's task adds and its tasks' cancel, a future's dependent actions ({@link TaskApis}); nothing else
     * of those classes.
     */
    private List<Planned> planTasks(TypeInfo type) {
        List<Planned> planned = new ArrayList<>();
        for (MethodInfo m : type.methods()) {
            TaskApis.Plan plan = m.isMethod() && !m.is(SKIPPED) ? TaskApis.plan(type, m) : null;
            if (plan == TaskApis.Plan.ADD) {
                planned.add(new Planned(
                        m,
                        register(
                                ApiMethod.Kind.ADD,
                                type,
                                m,
                                TaskApis.TASK_INDEX,
                                null,
                                TaskApis.handleType(type.name()),
                                TaskApis.handleType(type.name()) == null ? null : TaskApis.CANCEL)));
            } else if (plan == TaskApis.Plan.UNDO) {
                planned.add(new Planned(m, register(ApiMethod.Kind.CLOSE, type, m, -1, null, null, null)));
            }
        }
        return planned;
    }

    /**
     * An add outside the name families and the remove it pairs with, both planned when the add keeps its argument; or,
     * with no remove, the add alone when the handle it returns undoes it.
     */
    private void planUnnamed(
            TypeInfo type, MethodInfo m, Hierarchy hierarchy, byte[] classFile, List<Planned> planned) {
        MethodInfo remove = UnnamedPairs.removeFor(type, m, hierarchy, classFile);
        if (remove != null) {
            planned.add(new Planned(m, register(ApiMethod.Kind.ADD, type, m, 0, remove, null, null)));
            planned.add(new Planned(remove, register(ApiMethod.Kind.REMOVE, type, remove, 0, remove, null, null)));
            return;
        }
        String handleClose = UnnamedPairs.handleCloseFor(type, m, hierarchy, classFile);
        if (handleClose != null) {
            String handleType = Type.getReturnType(m.descriptor()).getClassName();
            planned.add(new Planned(m, register(ApiMethod.Kind.ADD, type, m, 0, null, handleType, handleClose)));
        }
    }

    private void planRemove(TypeInfo type, MethodInfo m, List<Planned> planned) {
        int index = listenerIndex(m.parameters());
        if (index >= 0 && singletonListener(type, TypeInfo.nameOf(m.parameters()[index]))) {
            planned.add(new Planned(m, register(ApiMethod.Kind.REMOVE, type, m, index, m, null, null)));
        }
    }

    /**
     * Whether a family-named add or remove of a JVM-wide singleton's class takes a listener: the JMX classes also
     * register a listener MBean by its {@code ObjectName}, whose last reference parameter is only a handback.
     */
    private static boolean singletonListener(TypeInfo type, String listenerType) {
        return !JdkSingletons.declares(type.name()) || NameRules.isListenerTypeName(listenerType);
    }

    /** A listed pair named outside the families: {@code Runtime#addShutdownHook}/{@code removeShutdownHook}. */
    private void planSingletonPair(TypeInfo type, MethodInfo m, JdkSingletons.Pair pair, List<Planned> planned) {
        int index = listenerIndex(m.parameters());
        if (index < 0 || m.is(Opcodes.ACC_STATIC)) {
            return;
        }
        if (m.name().equals(pair.remove())) {
            planned.add(new Planned(m, register(ApiMethod.Kind.REMOVE, type, m, index, m, null, null)));
            return;
        }
        for (MethodInfo remove : type.methods()) {
            if (remove.name().equals(pair.remove()) && remove.parameterNames().equals(m.parameterNames())) {
                planned.add(new Planned(m, register(ApiMethod.Kind.ADD, type, m, index, remove, null, null)));
            }
        }
    }

    /** {@code EventListenerList.add(Class, EventListener)} / {@code remove(Class, EventListener)}. */
    private void planEventListenerList(TypeInfo type, MethodInfo m, List<Planned> planned) {
        if (m.parameters().length != 2 || m.is(Opcodes.ACC_STATIC)) {
            return;
        }
        if (m.name().equals("add")) {
            MethodInfo remove = new MethodInfo(m.access(), "remove", m.descriptor(), List.of());
            planned.add(new Planned(m, register(ApiMethod.Kind.ADD, type, m, 1, remove, null, null)));
        } else if (m.name().equals("remove")) {
            planned.add(new Planned(m, register(ApiMethod.Kind.REMOVE, type, m, 1, m, null, null)));
        }
    }

    private ApiMethod register(
            ApiMethod.Kind kind,
            TypeInfo type,
            MethodInfo m,
            int listenerIndex,
            MethodInfo remove,
            String handleType,
            String handleClose) {
        return catalog.register(
                kind,
                type.name(),
                m.name(),
                m.parameterNames(),
                listenerIndex,
                remove == null ? null : remove.name(),
                remove == null ? null : remove.parameterNames(),
                m.is(Opcodes.ACC_STATIC),
                handleType,
                handleClose);
    }

    /**
     * The listener parameter: the one reference parameter that is not key-like; among several, the last one
     * whose type reads as a listener, else the last one. -1 when there is none.
     */
    static int listenerIndex(Type[] parameters) {
        int chosen = -1;
        boolean chosenLooksLikeListener = false;
        for (int i = 0; i < parameters.length; i++) {
            Type t = parameters[i];
            if (t.getSort() != Type.OBJECT || KEY_TYPES.contains(t.getClassName())) {
                continue;
            }
            boolean looksLikeListener = NameRules.isListenerTypeName(t.getClassName());
            if (chosen < 0 || looksLikeListener || !chosenLooksLikeListener) {
                chosen = i;
                chosenLooksLikeListener = looksLikeListener;
            }
        }
        return chosen;
    }

    static boolean isKeyType(String name) {
        return KEY_TYPES.contains(name);
    }
}
