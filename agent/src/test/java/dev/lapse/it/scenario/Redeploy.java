package dev.lapse.it.scenario;

import dev.lapse.Lapse;
import dev.lapse.it.scenario.Subjects.ChangeListener;
import dev.lapse.it.scenario.Subjects.Model;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * A container that deploys an application ({@code dev.lapse.it.scenario.webapp}) in a class loader of its own, lets
 * it run, undeploys it and drops the loader, as an application server does on a redeploy. While deployed, the
 * application walks every path of the agent that caches something per class: its own code registering on a
 * container subject it holds, the container registering from its own code on an application subject it holds, an
 * inner class, a lambda and a bound method reference as listeners, a lifecycle end the check confirms, a weak
 * wrapper with a reference class of its own whose delegate is lost, and removals from the owner's own code. Once
 * undeployed, nothing of the application is reachable from the container: the loader must be collected. Exits 3
 * when it survives repeated full collections.
 *
 * <p>With the agent, the report written while the application is deployed is kept as {@value #DEPLOYED_REPORT} in
 * the report directory, so a test can see that those paths ran.
 */
public final class Redeploy {
    public static final String DEPLOYED_REPORT = "deployed-report.json";
    private static final String WEBAPP = "dev.lapse.it.scenario.webapp.";

    private Redeploy() {}

    /** What the container knows of an application; implemented in the application's own loader. */
    public interface Deployment {
        void deploy(Model bus, Container container);

        void undeploy();
    }

    /** A subject an application may hand the container, with the usual add/remove pair. */
    public interface Source {
        void addChangeListener(ChangeListener l);

        void removeChangeListener(ChangeListener l);
    }

    /** The container: outlives every deployment, and listens to what an application plugs into it. */
    public static final class Container {
        private final ChangeListener onPlugin = this::pluginChanged;
        private Source plugin;

        public void plug(Source source) {
            plugin = source;
            source.addChangeListener(onPlugin); // from its own code, on a subject it holds
        }

        public void unplug() {
            plugin.removeChangeListener(onPlugin);
            plugin = null;
        }

        void pluginChanged(String what) {}
    }

    /** Defines the application's classes itself (child first), as a web container's loader does. */
    static final class ApplicationLoader extends URLClassLoader {
        ApplicationLoader(URL classes) {
            super("webapp", new URL[] {classes}, Redeploy.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(WEBAPP)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Model bus = new Model();
        Container container = new Container();
        WeakReference<ClassLoader> loader = deployAndUndeploy(bus, container);
        for (int i = 0; i < 100 && loader.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        boolean collected = loader.get() == null;
        System.out.println("application class loader collected: " + collected + ", bus listeners " + bus.size());
        System.exit(collected ? 0 : 3);
    }

    /** Everything that references the application lives in this frame, which is gone when it returns. */
    private static WeakReference<ClassLoader> deployAndUndeploy(Model bus, Container container) throws Exception {
        URL classes = Redeploy.class.getProtectionDomain().getCodeSource().getLocation();
        ApplicationLoader loader = new ApplicationLoader(classes);
        Deployment app = (Deployment)
                loader.loadClass(WEBAPP + "Webapp").getDeclaredConstructor().newInstance();
        if (app.getClass().getClassLoader() != loader) {
            throw new IllegalStateException("the application must be defined by its own loader");
        }
        app.deploy(bus, container);
        for (int i = 0; i < 3; i++) {
            System.gc(); // the weak wrapper's delegate, which nothing else holds, goes
        }
        if (System.getProperty("dev.lapse.agent.version") != null) {
            keepReport(Lapse.writeReport()); // a check while deployed: it confirms what the application left
        }
        app.undeploy();
        loader.close();
        return new WeakReference<>(loader);
    }

    private static void keepReport(Optional<Path> dir) throws IOException {
        Path report = dir.orElseThrow().resolve("lapse-report.json");
        Files.copy(report, report.resolveSibling(DEPLOYED_REPORT), StandardCopyOption.REPLACE_EXISTING);
    }
}
