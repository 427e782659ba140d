package dev.lapse.agent.instrument;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Weaves the hook calls into registration APIs, removals and lifecycle ends, at class load and by
 * retransformation. Each class is judged as cheaply as can be, in order: its name ({@link TypeScope}), the names of
 * the methods it declares, read from its bytes ({@link ConstantPoolScan}), its declarations (read with ASM, skipping
 * code) and the planner's questions about its supertypes; only a class with a planned method is rewritten. Errors are counted and the first one
 * logged, since the JVM swallows what a transformer throws.
 */
final class RegistrationTransformer implements ClassFileTransformer {
    private static final Logger LOG = LoggerFactory.getLogger(RegistrationTransformer.class);

    private final MethodPlanner planner;
    private final TypeScope scope;
    private final ConstantPoolScan poolScan;
    private final TypePool pool = new TypePool();
    private final AtomicLong errors = new AtomicLong();
    /** The ids of the catalogued methods whose class was rewritten: planning alone instruments nothing. */
    private final Set<Integer> instrumented = ConcurrentHashMap.newKeySet();
    /** Binary names of the classes rewritten, for the uninstall to give back their code; no class is held. */
    private final Set<String> rewritten = ConcurrentHashMap.newKeySet();

    /** The internal name of the class {@link #watchedSeen} tells about. */
    private final String watched;

    private volatile boolean watchedSeen;

    /** @param watchedClass a class whose loading {@link #watchedSeen} tells, by its binary name */
    RegistrationTransformer(MethodPlanner planner, TypeScope scope, Set<String> lifecycleNames, String watchedClass) {
        this.planner = planner;
        this.scope = scope;
        this.watched = watchedClass.replace('.', '/');
        Set<String> names = new HashSet<>(lifecycleNames);
        names.addAll(NameRules.HANDLE_CLOSE);
        names.add(NameRules.SWING_TEARDOWN);
        names.addAll(JdkSingletons.methodNames());
        this.poolScan = new ConstantPoolScan(Set.copyOf(names));
    }

    @Override
    public byte[] transform(
            ClassLoader loader, String internalName, Class<?> redefined, ProtectionDomain domain, byte[] classFile) {
        if (internalName == null) {
            return null; // a hidden class (a lambda's): never a registration API
        }
        if (!watchedSeen && internalName.equals(watched)) {
            watchedSeen = true;
        }
        String name = internalName.replace('/', '.');
        try {
            List<MethodPlanner.Planned> plan = plan(loader, name, classFile);
            if (plan.isEmpty()) {
                return null;
            }
            byte[] woven = AdviceWeaver.weave(classFile, plan);
            for (MethodPlanner.Planned p : plan) {
                instrumented.add(p.api().id());
            }
            rewritten.add(name);
            return woven;
        } catch (Throwable t) {
            failed(name, t);
            return null;
        }
    }

    /** The planned methods of a class file; empty for almost every class, decided as early as possible. */
    List<MethodPlanner.Planned> plan(ClassLoader loader, String name, byte[] classFile) {
        if (!planner.inScope(name)
                || !(scope.isEventListenerList(name) || TaskApis.covers(name) || poolScan.mayMatter(classFile))) {
            return List.of();
        }
        return planner.plan(TypeInfo.read(classFile), new Hierarchy(pool, loader), classFile);
    }

    /** Whether the watched class went through this transformer: it loaded, or was retransformed, since install. */
    boolean watchedSeen() {
        return watchedSeen;
    }

    int instrumentedMethods() {
        return instrumented.size();
    }

    long errors() {
        return errors.get();
    }

    boolean rewrote(String className) {
        return rewritten.contains(className);
    }

    void failed(String className, Throwable t) {
        if (errors.incrementAndGet() == 1) {
            LOG.warn("could not instrument {} ({}); later failures are logged at debug level", className, t.toString());
        } else {
            LOG.debug("could not instrument {}: {}", className, t.toString());
        }
    }
}
