package dev.lapse.it.scenario;

import dev.lapse.Lapse;
import dev.lapse.it.scenario.Subjects.ChangeListener;
import dev.lapse.it.scenario.Subjects.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Four leaking owners whose ends are signalled four different ways: a method named only in the
 * {@code lifecycle} option, {@code @PreDestroy} of javax and of jakarta, and {@code Lapse.expectCollected}.
 * Asks for a report mid-run and prints what it got.
 */
public final class Configurable {
    static final Model MODEL = new Model();

    private Configurable() {}

    static final class TeardownView implements ChangeListener {
        TeardownView() {
            MODEL.addChangeListener(this);
        }

        @Override
        public void changed(String what) {}

        void teardown() {}
    }

    static final class JavaxBean implements ChangeListener {
        JavaxBean() {
            MODEL.addChangeListener(this);
        }

        @Override
        public void changed(String what) {}

        @javax.annotation.PreDestroy
        void cleanUp() {}
    }

    static final class JakartaBean implements ChangeListener {
        JakartaBean() {
            MODEL.addChangeListener(this);
        }

        @Override
        public void changed(String what) {}

        @jakarta.annotation.PreDestroy
        void cleanUp() {}
    }

    static final class Tab implements ChangeListener {
        Tab() {
            MODEL.addChangeListener(this);
        }

        @Override
        public void changed(String what) {}
    }

    public static void main(String[] args) {
        new TeardownView().teardown();
        new JavaxBean().cleanUp();
        new JakartaBean().cleanUp();
        Tab tab = new Tab();
        Lapse.expectCollected(tab, "tab closed by the user");
        tab = null;
        System.out.println("agent loaded: " + Lapse.isAgentLoaded());
        Optional<Path> dir = Lapse.writeReport();
        System.out.println("mid-run report: "
                + dir.map(d -> Files.isRegularFile(d.resolve("lapse-report.json")))
                        .orElse(false));
    }
}
