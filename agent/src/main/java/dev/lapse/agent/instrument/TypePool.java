package dev.lapse.agent.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The planner's view of the types a class refers to (its supertypes, its add methods' return types), read from
 * class files through the resources of the class loader that defines the class being planned, and cached. Nothing
 * is loaded: a class being transformed may refer to classes that are not loaded yet, and loading them from a
 * transformer could run their initialisers or deadlock on the loader.
 *
 * <p>The cache keeps no class loader alive (weak keys; the values are names only). JDK types ({@code java.*}) are
 * cached once for all loaders, since every loader delegates them to the same one.
 */
final class TypePool {
    /** A type that could not be read: looked up once, not at every class that mentions it. */
    private static final Optional<TypeInfo> MISSING = Optional.empty();

    private final Map<String, Optional<TypeInfo>> jdk = new ConcurrentHashMap<>();
    private final Map<ClassLoader, Map<String, Optional<TypeInfo>>> byLoader = new WeakHashMap<>();

    /** The type named {@code name} as {@code loader} sees it; {@code null} when its class file cannot be read. */
    TypeInfo find(ClassLoader loader, String name) {
        Map<String, Optional<TypeInfo>> cache = cacheFor(loader, name);
        Optional<TypeInfo> known = cache.get(name);
        if (known == null) {
            known = read(loader, name);
            cache.put(name, known);
        }
        return known.orElse(null);
    }

    private Map<String, Optional<TypeInfo>> cacheFor(ClassLoader loader, String name) {
        if (loader == null || name.startsWith("java.")) {
            return jdk;
        }
        synchronized (byLoader) {
            return byLoader.computeIfAbsent(loader, l -> new ConcurrentHashMap<>());
        }
    }

    private static Optional<TypeInfo> read(ClassLoader loader, String name) {
        // the platform loader delegates to the bootstrap one; class files are never encapsulated in modules
        ClassLoader through =
                loader == null || name.startsWith("java.") ? ClassLoader.getPlatformClassLoader() : loader;
        try (InputStream in = through.getResourceAsStream(name.replace('.', '/') + ".class")) {
            return in == null ? MISSING : Optional.of(TypeInfo.read(in.readAllBytes()));
        } catch (IOException | RuntimeException unreadable) {
            return MISSING; // a class file ASM cannot read is a type the planner cannot reason about: like a missing
            // one
        }
    }
}
