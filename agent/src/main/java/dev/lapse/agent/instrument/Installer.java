package dev.lapse.agent.instrument;

import dev.lapse.agent.bootstrap.LapseHook;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.utility.JavaModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the advice on every registration API, removal and lifecycle end the {@link MethodPlanner} finds,
 * at class load and, for classes already loaded, by retransformation. Advice is inlined and changes no class
 * format, so retransformation works for JDK classes and undoes cleanly.
 */
public final class Installer {
    private static final Logger LOG = LoggerFactory.getLogger(Installer.class);

    private final ApiCatalog catalog;
    private final MethodPlanner planner;
    private final AtomicLong transformErrors = new AtomicLong();
    /** The ids of the catalogued methods whose class Byte Buddy did transform: planning alone instruments nothing. */
    private final Set<Integer> instrumented = ConcurrentHashMap.newKeySet();

    private final ClassFileLocator adviceLocator = ClassFileLocator.ForClassLoader.of(Installer.class.getClassLoader());

    /**
     * The plan the type matcher computed for the class being transformed on this thread, for the transformer that
     * runs next. Cleared when Byte Buddy is done with the class, however that went: the plan refers to the class's
     * type description, which holds its loader, and Byte Buddy may fail after matching, before the transformer.
     */
    private final ThreadLocal<Plan> lastPlan = new ThreadLocal<>();

    /** The methods planned for one class. */
    private record Plan(TypeDescription type, List<MethodPlanner.Planned> methods) {}

    /** What {@link #install} installed, for {@link #uninstall}; both run under the runtime's start-and-stop lock. */
    private ResettableClassFileTransformer transformer;

    /**
     * @param lifecycleNames extra lifecycle-ending method names, beyond the built-in ones
     * @param excludes       class name patterns never to instrument
     */
    public Installer(ApiCatalog catalog, List<String> lifecycleNames, List<String> excludes) {
        this.catalog = catalog;
        Set<String> names = new HashSet<>(NameRules.LIFECYCLE);
        names.addAll(lifecycleNames);
        this.planner = new MethodPlanner(catalog, new TypeScope(excludes), names);
    }

    /**
     * Instruments future classes and, when attached to a running JVM, the loaded ones, until {@link #uninstall}.
     *
     * @param attached whether classes loaded before the agent must be retransformed. At launch they need not
     *                 be: the JDK UI classes Lapse instruments load after {@code premain}, and skipping the scan
     *                 of loaded classes keeps start-up short.
     */
    public void install(Instrumentation inst, boolean attached) {
        try {
            transformer = installOn(inst, attached);
        } finally {
            lastPlan.remove(); // retransformation matches the loaded classes first, and no completion follows that
        }
    }

    /** Gives the instrumented classes their original code back. */
    public void uninstall(Instrumentation inst) {
        try {
            transformer.reset(inst, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
        } finally {
            lastPlan.remove(); // likewise
        }
    }

    private ResettableClassFileTransformer installOn(Instrumentation inst, boolean attached) {
        return newAgentBuilder()
                .disableClassFormatChanges()
                .with(
                        attached
                                ? AgentBuilder.RedefinitionStrategy.RETRANSFORMATION
                                : AgentBuilder.RedefinitionStrategy.DISABLED)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.PoolStrategy.Default.FAST)
                .with(new Outcomes())
                // instrumented JDK classes live in named modules that must read the hook's (unnamed) module
                .assureReadEdgeTo(inst, LapseHook.class)
                .ignore(ElementMatchers.isSynthetic().or(ElementMatchers.nameStartsWith("dev.lapse.agent.")))
                .type(new HasPlan())
                .transform(this::transform)
                .installOn(inst);
    }

    /**
     * Byte Buddy probes {@code sun.misc.Unsafe} while it initialises its class injectors, and JDK 24+ prints
     * warnings about that on the application's standard error (JEP 471). Lapse injects no classes (advice is
     * inlined), so the probing is switched off while Byte Buddy initialises; the properties are restored
     * afterwards so the application never sees them. Shading relocates these names along with Byte Buddy.
     */
    private static AgentBuilder newAgentBuilder() {
        String[] keys = {"net.bytebuddy.safe", "net.bytebuddy.nexus.disabled"};
        String[] previous = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            previous[i] = System.setProperty(keys[i], "true");
        }
        try {
            return new AgentBuilder.Default();
        } finally {
            for (int i = 0; i < keys.length; i++) {
                if (previous[i] == null) {
                    System.clearProperty(keys[i]);
                } else {
                    System.setProperty(keys[i], previous[i]);
                }
            }
        }
    }

    /**
     * Registration, removal, lifecycle and handle methods instrumented so far: in classes that were transformed, each
     * method once however often its class was (a retransformation applies the same advice again).
     */
    public int instrumentedMethods() {
        return instrumented.size();
    }

    /** Classes that could not be planned or transformed; the first failure is logged as a warning. */
    public long transformErrors() {
        return transformErrors.get();
    }

    private DynamicType.Builder<?> transform(
            DynamicType.Builder<?> builder,
            TypeDescription type,
            ClassLoader loader,
            JavaModule module,
            ProtectionDomain domain) {
        List<MethodPlanner.Planned> plan = planFor(type);
        for (MethodPlanner.Planned p : plan) {
            Advice.WithCustomMapping mapping = Advice.withCustomMapping().bind(ApiId.class, p.api.id());
            Class<?> advice;
            switch (p.api.kind()) {
                case ADD:
                    advice = p.api.handleClose() == null ? AddAdvice.class : HandleAddAdvice.class;
                    break;
                case REMOVE:
                    advice = RemoveAdvice.class;
                    break;
                default:
                    advice = EndAdvice.class;
                    break;
            }
            if (p.api.listenerIndex() >= 0) {
                mapping =
                        mapping.bind(ListenerArg.class, p.method.getParameters().get(p.api.listenerIndex()));
            }
            builder = builder.visit(mapping.to(advice, adviceLocator).on(ElementMatchers.is(p.method)));
        }
        return builder;
    }

    /** The matcher's plan for {@code type}, kept for {@link Outcomes#onTransformation} to count. */
    private List<MethodPlanner.Planned> planFor(TypeDescription type) {
        Plan cached = lastPlan.get();
        if (cached != null && cached.type() == type) {
            return cached.methods();
        }
        List<MethodPlanner.Planned> plan = planner.plan(type);
        lastPlan.set(new Plan(type, plan));
        return plan;
    }

    private void failed(String typeName, Throwable t) {
        if (transformErrors.incrementAndGet() == 1) {
            LOG.warn("could not instrument {} ({}); later failures are logged at debug level", typeName, t.toString());
        } else {
            LOG.debug("could not instrument {}: {}", typeName, t.toString());
        }
    }

    /** Matches types with at least one planned method, keeping the plan for the transformer. */
    private final class HasPlan implements ElementMatcher<TypeDescription> {
        @Override
        public boolean matches(TypeDescription type) {
            List<MethodPlanner.Planned> plan;
            try {
                plan = planner.plan(type);
            } catch (RuntimeException e) {
                failed(type.getName(), e);
                return false;
            }
            if (plan.isEmpty()) {
                return false;
            }
            lastPlan.set(new Plan(type, plan));
            return true;
        }
    }

    /**
     * Counts what was transformed and logs what the JVM would otherwise swallow, a class that could not be
     * transformed (Byte Buddy fails after the transformer ran, when it weaves the advice in), and forgets the plan of
     * each class once Byte Buddy is done with it.
     */
    private final class Outcomes extends AgentBuilder.Listener.Adapter {
        @Override
        public void onTransformation(
                TypeDescription type,
                ClassLoader classLoader,
                JavaModule module,
                boolean loaded,
                DynamicType dynamicType) {
            Plan plan = lastPlan.get();
            if (plan != null && plan.type() == type) {
                for (MethodPlanner.Planned p : plan.methods()) {
                    instrumented.add(p.api.id());
                }
            }
        }

        @Override
        public void onError(
                String typeName, ClassLoader classLoader, JavaModule module, boolean loaded, Throwable throwable) {
            failed(typeName, throwable);
        }

        @Override
        public void onComplete(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded) {
            lastPlan.remove();
        }
    }
}
