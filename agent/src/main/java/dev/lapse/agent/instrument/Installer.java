package dev.lapse.agent.instrument;

import dev.lapse.agent.instrument.callsite.CallSiteTable;
import dev.lapse.agent.instrument.callsite.CallSiteTransformer;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Installs the {@link RegistrationTransformer} for classes loaded from now on and, when attached to a running JVM,
 * retransforms the loaded classes it would instrument; {@link #uninstall} gives them their original code back.
 * Advice adds no member, so retransformation works for JDK classes and undoes cleanly.
 *
 * <p>Only ASM is loaded on this path, as with JaCoCo's agent: no type descriptions, matchers or class injection.
 */
public final class Installer {
    private final RegistrationTransformer transformer;
    private final TypeScope scope;
    /** Gives the calls to registration methods their site ids (see {@code instrument/callsite}). */
    private final CallSiteTransformer callers;

    /** The late classes ({@link #instrumentLate}) instrumented, or being instrumented at attach. */
    private final Set<String> late = ConcurrentHashMap.newKeySet();

    /** Set by {@link #install}, cleared by {@link #uninstall}: what late classes are retransformed with. */
    private volatile Instrumentation inst;

    private final String watched;

    /** Whether {@link #watched} was loaded when the agent attached. */
    private volatile boolean watchedAtAttach;

    /**
     * @param lifecycleNames extra lifecycle-ending method names, beyond the built-in ones
     * @param excludes       class name patterns never to instrument
     * @param watched        the binary name of a class whose loading {@link #watchedLoaded} tells (the self-test's)
     */
    public Installer(ApiCatalog catalog, List<String> lifecycleNames, List<String> excludes, String watched) {
        Set<String> names = new HashSet<>(NameRules.LIFECYCLE);
        names.addAll(lifecycleNames);
        this.scope = new TypeScope(excludes);
        this.watched = watched;
        this.transformer = new RegistrationTransformer(new MethodPlanner(catalog, scope, names), scope, names, watched);
        this.callers = new CallSiteTransformer(new RegistrationCalls(scope), CallSiteTable.jvm());
    }

    /**
     * Instruments future classes and, when attached to a running JVM, the loaded ones, until {@link #uninstall}.
     *
     * @param attached whether classes loaded before the agent must be retransformed. At launch they need not
     *                 be: the JDK UI classes Lapse instruments load after {@code premain}, and skipping the scan
     *                 of loaded classes keeps start-up short. The singleton classes every JVM has loaded by then
     *                 ({@code Runtime}) are retransformed when a rewritten call to them first runs
     *                 ({@link #instrumentLate}).
     */
    public void install(Instrumentation inst, boolean attached) {
        this.inst = inst;
        callers.install(inst);
        inst.addTransformer(transformer, true);
        if (attached) {
            for (Class<?> c : JdkSingletons.LOADED_AT_START) {
                late.add(c.getName()); // among the loaded classes retransformed below
            }
            for (Class<?> c : inst.getAllLoadedClasses()) {
                if (c.getName().equals(watched)) {
                    watchedAtAttach = true;
                }
                if (inst.isModifiableClass(c) && wouldInstrument(c)) {
                    retransform(inst, c);
                }
            }
        }
    }

    /**
     * A rewritten call to {@code className}, a class loaded before the agent ({@code JdkSingletons#LOADED_AT_START}),
     * is about to run: instruments that class first, once. The caller waits for it, so its own call is seen; later
     * calls pay one set look-up.
     */
    public void instrumentLate(String className) {
        if (late.contains(className)) {
            return;
        }
        synchronized (late) {
            if (late.contains(className) || inst == null) {
                return;
            }
            for (Class<?> c : JdkSingletons.LOADED_AT_START) {
                if (c.getName().equals(className)) {
                    retransform(inst, c);
                }
            }
            late.add(className);
        }
    }

    /**
     * Whether the watched class is loaded: it loaded since the agent started, or was loaded when it attached. Asked
     * of the transformer, which sees every class that loads, rather than of the JVM's list of loaded classes, which
     * costs a JVM exit some milliseconds to walk.
     */
    public boolean watchedLoaded() {
        return watchedAtAttach || transformer.watchedSeen();
    }

    /** Gives the instrumented classes their original code back. */
    public void uninstall(Instrumentation inst) {
        synchronized (late) {
            this.inst = null; // a late class asked for after this stays as it is
        }
        callers.uninstall(inst);
        inst.removeTransformer(transformer);
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (transformer.rewrote(c.getName()) && inst.isModifiableClass(c)) {
                retransform(inst, c);
            }
        }
    }

    /**
     * Registration, removal, lifecycle and handle methods instrumented so far: in classes that were transformed, each
     * method once however often its class was (a retransformation applies the same advice again).
     */
    public int instrumentedMethods() {
        return transformer.instrumentedMethods();
    }

    /** Classes that could not be planned or transformed; the first failure is logged as a warning. */
    public long transformErrors() {
        return transformer.errors();
    }

    /**
     * Whether a loaded class has something to instrument, judged from its class file as its loader serves it,
     * before asking the JVM for a retransformation (which costs far more than reading the file).
     */
    private boolean wouldInstrument(Class<?> c) {
        if (c.isArray() || c.isPrimitive() || c.isHidden() || scope.kindOf(c.getName()) == TypeScope.Kind.NONE) {
            return false;
        }
        ClassLoader loader = c.getClassLoader();
        ClassLoader through = loader == null ? ClassLoader.getPlatformClassLoader() : loader;
        try (InputStream in = through.getResourceAsStream(c.getName().replace('.', '/') + ".class")) {
            return in != null
                    && !transformer.plan(loader, c.getName(), in.readAllBytes()).isEmpty();
        } catch (IOException | RuntimeException e) {
            transformer.failed(c.getName(), e);
            return false;
        }
    }

    private void retransform(Instrumentation inst, Class<?> c) {
        try {
            inst.retransformClasses(c);
        } catch (Exception | LinkageError e) {
            transformer.failed(c.getName(), e);
        }
    }
}
