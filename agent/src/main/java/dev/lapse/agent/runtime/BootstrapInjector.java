package dev.lapse.agent.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandles;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Defines the hook classes in the bootstrap class loader, where instrumented JDK classes can see them, without
 * appending anything to the bootstrap class path (which turns class-data sharing off for every other loader, and
 * makes HotSpot say so on standard error).
 *
 * <p>A class can be defined in the bootstrap loader through a lookup in one of its packages: the agent opens
 * {@code java.util.function} of {@code java.base} to itself ({@link Instrumentation#redefineModule}), takes a
 * private lookup in {@link Function} and defines the hook there. That package is chosen because it is exported to
 * every module (instrumented code in {@code java.desktop} or an application module can call the hook without a
 * read edge or an export being added) and holds only interfaces, so opening it to the class path gives deep
 * reflection over nothing worth protecting.
 *
 * <p>The build renames the hook ({@code dev.lapse.agent.bootstrap.LapseHook}) to {@link #HOOK} in the agent's own
 * classes as well (the shade plugin's relocation in {@code agent/pom.xml}), so the sink, the advice and the
 * rewriter refer to the defined class by its real name. The renamed class files sit in the jar under
 * {@code java/util/function/}, where no class loader but the bootstrap one may define them: the application's
 * class path can never load a second copy. They are read from the jar file itself, because a class loader's
 * resource look-up searches a JDK package in its module only.
 */
public final class BootstrapInjector {
    /** The hook's binary name in the bootstrap loader: what the build renamed it to (agent/pom.xml). */
    public static final String HOOK = "java.util.function.LapseHook";

    /** The jar entries of the hook and its nested classes (its sink interface, its thread-local's class). */
    private static final String ENTRIES = HOOK.replace('.', '/');

    private BootstrapInjector() {}

    /** Defines the hook unless it is already there (a second start in the same JVM). */
    public static void inject(Instrumentation inst) throws IOException {
        if (defined()) {
            return;
        }
        Module agent = BootstrapInjector.class.getModule();
        inst.redefineModule(
                Function.class.getModule(),
                Set.of(),
                Map.of(),
                Map.of(Function.class.getPackageName(), Set.of(agent)),
                Set.of(),
                Map.of());
        try (JarFile jar = new JarFile(agentJar().toFile())) {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(Function.class, MethodHandles.lookup());
            // defining links nothing: the order does not matter as long as all are defined before the hook runs
            // entries by a loop, not a stream: this runs in premain, where each lambda is spun into a class
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().startsWith(ENTRIES) && entry.getName().endsWith(".class")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        lookup.defineClass(in.readAllBytes());
                    }
                }
            }
        } catch (IllegalAccessException e) {
            throw new IOException("the hook could not be defined in the bootstrap class loader: " + e, e);
        }
        if (!defined()) {
            throw new IOException("the agent jar has no class " + HOOK + ": it was not built by the Lapse build");
        }
    }

    private static Path agentJar() throws IOException {
        try {
            return Path.of(BootstrapInjector.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IOException("cannot tell where the agent jar is: " + e, e);
        }
    }

    private static boolean defined() {
        try {
            return Class.forName(HOOK, false, null).getClassLoader() == null;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
