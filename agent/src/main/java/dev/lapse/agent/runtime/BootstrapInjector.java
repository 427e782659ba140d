package dev.lapse.agent.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

/**
 * Puts the hook classes on the bootstrap class path, where instrumented JDK classes can see them. They ship
 * in the agent jar as {@code *.classdata}; this writes them as classes into a temporary jar and appends it.
 * Must run before any agent class that mentions {@code LapseHook} is loaded.
 */
public final class BootstrapInjector {
    static final String HOOK = "dev.lapse.agent.bootstrap.LapseHook";
    private static final String DIR = "dev/lapse/agent/bootstrap/";
    private static final List<String> CLASSES = List.of("LapseHook", "LapseHook$Sink", "LapseHook$1");

    private BootstrapInjector() {}

    /** Appends the hook jar unless the hook is already there (a second start in the same JVM). */
    public static void inject(Instrumentation inst) throws IOException {
        if (onBootstrapPath()) {
            return;
        }
        Path jar = Files.createTempFile("lapse-bootstrap-", ".jar");
        jar.toFile().deleteOnExit();
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file)) {
            for (String name : CLASSES) {
                try (InputStream in =
                        BootstrapInjector.class.getClassLoader().getResourceAsStream(DIR + name + ".classdata")) {
                    if (in == null) {
                        throw new IOException("the agent jar has no " + DIR + name + ".classdata: it was not built"
                                + " by the Lapse build");
                    }
                    out.putNextEntry(new ZipEntry(DIR + name + ".class"));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        inst.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
        if (!onBootstrapPath()) {
            throw new IOException("the hook classes could not be put on the bootstrap class path");
        }
    }

    private static boolean onBootstrapPath() {
        try {
            return Class.forName(HOOK, false, null).getClassLoader() == null;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
