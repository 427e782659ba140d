package dev.lapse.bench;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Start-up and exit: prints the wall-clock time at which {@code main} is entered (an agent's {@code premain} runs
 * before it), then runs the main class named as the first argument with the remaining arguments, or, without
 * arguments, only prints a line. At exit it prints the JVM's peak resident memory ({@code VmHWM}), read after the
 * other shutdown hooks (an agent's exit report or data file) have finished, unless {@value #PEAK_MEASURED_OUTSIDE}
 * says the caller reads it from outside: the probe's shutdown hook is a registration Lapse tracks, which would make
 * it instrument {@code Runtime} and check at exit in a program that is meant to register nothing.
 */
public final class StartupProbe {
    /** The system property, {@code true} when the caller takes the peak from the operating system's accounting. */
    static final String PEAK_MEASURED_OUTSIDE = "startupProbe.peakMeasuredOutside";

    private StartupProbe() {}

    public static void main(String[] args) throws ReflectiveOperationException {
        System.err.println("mainEnteredMillis=" + System.currentTimeMillis());
        if (!Boolean.getBoolean(PEAK_MEASURED_OUTSIDE)) {
            Runtime.getRuntime().addShutdownHook(new Thread(StartupProbe::printPeakMemory, "startup-probe"));
        }
        if (args.length == 0) {
            System.out.println("hello");
            return;
        }
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        String[] rest = new String[args.length - 1];
        System.arraycopy(args, 1, rest, 0, rest.length);
        main.invoke(null, (Object) rest);
    }

    private static void printPeakMemory() {
        // shutdown hooks run side by side: wait for the others, so the peak includes what they did
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t != Thread.currentThread() && !t.isDaemon() && !t.getName().equals("DestroyJavaVM")) {
                try {
                    t.join(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    System.err.println("peakRssKb=" + line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            System.err.println("peakRssKb=-1");
        }
    }
}
