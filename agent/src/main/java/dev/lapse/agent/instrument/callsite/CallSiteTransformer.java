package dev.lapse.agent.instrument.callsite;

import dev.lapse.agent.bootstrap.LapseHook;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites the callers of registration APIs as their classes load (see {@link CallSiteRewriter}). Most classes
 * are rejected from their constant pool ({@link ConstantPoolFilter}); the rest are read and written once with
 * ASM, without computing frames (nothing is loaded to do it), and of those only the methods whose code makes such a
 * call are decoded: the others are copied as they are. Classes loaded before an attach are not rewritten:
 * their registrations walk the stack, as every registration did before call sites had ids.
 */
public final class CallSiteTransformer implements ClassFileTransformer {
    private static final Logger LOG = LoggerFactory.getLogger(CallSiteTransformer.class);

    private final CallTargets targets;
    private final byte[][] prefixes;
    private final CallSiteTable table;
    /**
     * Classes that could not be rewritten, for the first to be logged as a warning. Not a transform error of the
     * report's: the class loads unchanged and its registrations are still seen, through the stack walk.
     */
    private final AtomicLong errors = new AtomicLong();
    /**
     * The binary names of the classes rewritten, for {@link #uninstall} to give them their code back. Names, not
     * classes: holding a class would keep its loader alive after the application let it go.
     */
    private final Set<String> rewrittenClasses = ConcurrentHashMap.newKeySet();

    private volatile Instrumentation instrumentation;

    public CallSiteTransformer(CallTargets targets, CallSiteTable table) {
        this.targets = targets;
        this.prefixes = ConstantPoolFilter.prefixBytes(targets);
        this.table = table;
    }

    /** Rewrites the classes that load from now on. */
    public void install(Instrumentation inst) {
        instrumentation = inst;
        inst.addTransformer(this, true);
    }

    /** Stops rewriting, and gives the loaded classes this rewrote their original code back. */
    public void uninstall(Instrumentation inst) {
        inst.removeTransformer(this);
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (rewrittenClasses.contains(c.getName()) && inst.isModifiableClass(c)) {
                loaded.add(c);
            }
        }
        try {
            if (!loaded.isEmpty()) {
                inst.retransformClasses(loaded.toArray(new Class<?>[0]));
            }
        } catch (UnmodifiableClassException | RuntimeException e) {
            LOG.debug("could not restore the callers of registration methods: {}", e.toString());
        }
        rewrittenClasses.clear();
    }

    @Override
    public byte[] transform(
            Module module,
            ClassLoader loader,
            String className,
            Class<?> classBeingRedefined,
            ProtectionDomain domain,
            byte[] bytes) {
        if (className == null || bytes == null) {
            return null; // a hidden class or a lambda form: nothing of the application's
        }
        try {
            String binaryName = className.replace('/', '.');
            if (!targets.rewritesCallsFrom(binaryName)) {
                return null;
            }
            CallingMethods calling = ConstantPoolFilter.methodsCalling(bytes, targets, prefixes);
            if (calling.isEmpty()) {
                return null;
            }
            ClassReader reader = new ClassReader(bytes);
            ClassWriter writer = new ClassWriter(reader, 0);
            CallSiteRewriter rewriter = new CallSiteRewriter(writer, targets, table, calling);
            reader.accept(rewriter, 0);
            if (rewriter.rewritten() == 0) {
                return null;
            }
            readsHook(module);
            rewrittenClasses.add(binaryName);
            return writer.toByteArray();
        } catch (Throwable t) {
            // the JVM would swallow it: the class then loads unchanged and registers through the stack walk
            if (errors.incrementAndGet() == 1) {
                LOG.warn(
                        "could not rewrite the calls of {} ({}); later failures at debug level",
                        className,
                        t.toString());
            } else {
                LOG.debug("could not rewrite the calls of {}: {}", className, t.toString());
            }
            return null;
        }
    }

    /** A class in a named module calls the hook only if its module reads the hook's. */
    private void readsHook(Module module) {
        Module hook = LapseHook.class.getModule();
        if (module != null && module.isNamed() && !module.canRead(hook)) {
            instrumentation.redefineModule(module, Set.of(hook), Map.of(), Map.of(), Set.of(), Map.of());
        }
    }
}
