package dev.lapse.it.scenario;

import dev.lapse.it.scenario.Subjects.ChangeListener;
import dev.lapse.it.scenario.Subjects.Model;
import java.beans.PropertyChangeEvent;
import java.beans.PropertyChangeSupport;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Registering lines in the shapes that make a stack-walk cache miss: one line reached through two paths, a
 * lambda, one named listener class registered at two lines, and a registration through reflection (which no
 * call-site id can name). Each owner is disposed and left registered; each shape runs more often than the
 * agent samples a site, so steady-state registrations are in the report too. The lines the report must name
 * are marked {@code // site: NAME}.
 */
public final class RegisteringLines {
    static final Model MODEL = new Model();
    static final PropertyChangeSupport SUPPORT = new PropertyChangeSupport(new Object());
    public static final int TIMES = 40;

    /** One registering line per subject, reached from a menu and from a toolbar. */
    static final class Row {
        String last;

        void bind() {
            MODEL.addChangeListener(this::changed); // site: row-model
            SUPPORT.addPropertyChangeListener(this::propertyChange); // site: row-beans
        }

        void changed(String what) {
            last = what;
        }

        void propertyChange(PropertyChangeEvent e) {
            last = e.getPropertyName();
        }

        void dispose() {
            // the bug: nothing removed
        }
    }

    static void openFromMenu() {
        Row row = new Row();
        row.bind();
        row.dispose();
    }

    static void openFromToolbar() {
        Row row = new Row();
        row.bind();
        row.dispose();
    }

    /** A lambda capturing its panel. */
    static final class Panel {
        String last;

        void open() {
            MODEL.addChangeListener(what -> last = what); // site: panel-lambda
        }

        void dispose() {}
    }

    /** One named listener class, registered at two lines. */
    static final class Form {
        String last;

        final class Field implements ChangeListener {
            @Override
            public void changed(String what) {
                last = what;
            }
        }

        void bindName() {
            MODEL.addChangeListener(new Field()); // site: form-name
        }

        void bindAge() {
            MODEL.addChangeListener(new Field()); // site: form-age
        }

        void dispose() {}
    }

    /** Registers through reflection: the call that reaches the add method is the JDK's, so it has no site id. */
    static final class Gadget {
        String last;

        void attach() throws ReflectiveOperationException {
            Method add = Model.class.getMethod("addChangeListener", ChangeListener.class);
            add.invoke(MODEL, (ChangeListener) what -> last = what); // site: gadget-reflection
        }

        void dispose() {}
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        List<Object> kept = new ArrayList<>(); // only until disposed: the subjects keep them afterwards
        for (int i = 0; i < TIMES; i++) {
            if (i % 2 == 0) {
                openFromMenu();
            } else {
                openFromToolbar();
            }
            Panel panel = new Panel();
            panel.open();
            panel.dispose();
            Form form = new Form();
            form.bindName();
            form.bindAge();
            form.dispose();
            Gadget gadget = new Gadget();
            gadget.attach();
            gadget.dispose();
            kept.add(gadget);
        }
        kept.clear();
    }
}
