package dev.lapse.bench;

import java.lang.reflect.Method;

/**
 * Start-up: prints the wall-clock time at which {@code main} is entered (the agent's {@code premain} runs
 * before it), then runs the main class named as the first argument with the remaining arguments.
 */
public final class StartupProbe {
    private StartupProbe() {}

    public static void main(String[] args) throws ReflectiveOperationException {
        System.err.println("mainEnteredMillis=" + System.currentTimeMillis());
        if (args.length > 0) {
            Method main = Class.forName(args[0]).getMethod("main", String[].class);
            String[] rest = new String[args.length - 1];
            System.arraycopy(args, 1, rest, 0, rest.length);
            main.invoke(null, (Object) rest);
        }
    }
}
