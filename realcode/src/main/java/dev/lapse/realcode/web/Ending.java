package dev.lapse.realcode.web;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * The moments at which the application's exit can come, relative to its own teardown: the shutdown hooks (Spring's,
 * the agent's) run side by side, so a report must not depend on which one runs first.
 */
public enum Ending {
    /** The start-up bench: closes the context as soon as it is ready, then {@code main} returns. */
    WHEN_READY,
    /** Closes the context, then {@code main} returns: the JVM exits after the whole teardown. */
    CLOSE {
        @Override
        void end(ConfigurableApplicationContext context) {
            SpringApplication.exit(context);
        }
    },
    /** {@code System.exit} with the context running: Spring's shutdown hook closes it beside the agent's. */
    EXIT {
        @Override
        void end(ConfigurableApplicationContext context) {
            System.exit(0);
        }
    },
    /** {@code System.exit} from another thread while the context is closing: the exit lands inside the teardown. */
    EXIT_DURING_CLOSE {
        @Override
        void end(ConfigurableApplicationContext context) throws InterruptedException {
            Thread exit = new Thread(() -> System.exit(0), "exit-during-close");
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) {
                    exit.start();
                }
            });
            context.close();
            exit.join();
        }
    };

    void end(ConfigurableApplicationContext context) throws InterruptedException {
        throw new IllegalStateException(this + " ends by itself");
    }
}
