package dev.lapse.junit5;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Properties;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Makes {@link LapseExtension} register itself with no annotation. Jupiter loads extensions from
 * {@code META-INF/services} only when {@code junit.jupiter.extensions.autodetection.enabled} is true; the launcher
 * loads this listener from its own service file at the start of every session, before discovery, and sets that
 * parameter as a system property. When the user had not enabled auto-detection, it also restricts it to Lapse
 * ({@code junit.jupiter.extensions.autodetection.include}), so no other library's extension starts running.
 * When the user set auto-detection either way (a system property, or {@code junit-platform.properties}), nothing
 * is changed: with {@code true} Lapse is detected with the rest; with {@code false} it must be added with
 * {@code @ExtendWith(LapseExtension.class)}.
 */
public final class LapseSessionListener implements LauncherSessionListener {
    static final String AUTODETECTION = "junit.jupiter.extensions.autodetection.enabled";
    static final String INCLUDE = "junit.jupiter.extensions.autodetection.include";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty(AUTODETECTION) == null && !inPropertiesFile(AUTODETECTION)) {
            System.setProperty(AUTODETECTION, "true");
            if (System.getProperty(INCLUDE) == null && !inPropertiesFile(INCLUDE)) {
                System.setProperty(INCLUDE, LapseExtension.class.getName());
            }
        }
    }

    /** Whether the class path's {@code junit-platform.properties} sets {@code key}. */
    private static boolean inPropertiesFile(String key) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        URL file = (loader != null ? loader : LapseSessionListener.class.getClassLoader())
                .getResource("junit-platform.properties");
        if (file == null) {
            return false;
        }
        Properties p = new Properties();
        try (InputStream in = file.openStream()) {
            p.load(in);
        } catch (IOException e) {
            return false; // JUnit will report the unreadable file itself
        }
        return p.containsKey(key);
    }
}
