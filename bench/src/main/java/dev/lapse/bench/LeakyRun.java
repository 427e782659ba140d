package dev.lapse.bench;

import dev.lapse.bench.app.ChangeListener;
import dev.lapse.bench.app.Model;
import java.beans.PropertyChangeEvent;
import java.beans.PropertyChangeSupport;
import java.util.HashMap;
import java.util.Map;

/**
 * A whole run of a program that leaks: it opens and closes {@code N} editors (20,000 in the bench), each of which
 * registers two listeners, one on the application's document model and one on its settings (a
 * {@code PropertyChangeSupport}), lays out a page of text, and is disposed without removing
 * either. So {@code N} owners leak through two registrations each, and the report at exit has them all. The bench
 * times the JVM from its start to its exit, with no agent, with Lapse's (report included) and with the JDK's own leak
 * profiler (JFR's old-object samples with their paths to the roots) in turn.
 */
public final class LeakyRun {
    private static final String[] WORDS = {
        "listener",
        "owner",
        "subject",
        "model",
        "view",
        "event",
        "dispose",
        "window",
        "panel",
        "settings",
        "theme",
        "layout",
        "page",
        "line",
        "word",
        "editor"
    };

    /** The application, alive until the JVM exits, as an application's models are. */
    private static LeakyRun app;

    private final Model document = new Model();
    private final PropertyChangeSupport settings = new PropertyChangeSupport(this);
    private long checksum;

    private LeakyRun() {}

    public static void main(String[] args) {
        int editors = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        app = new LeakyRun();
        for (int i = 0; i < editors; i++) {
            Editor e = new Editor(app, i);
            e.open();
            if (i % 100 == 0) { // now and then an edit and a change of theme reach every editor still listening
                app.document.fire(i);
                app.settings.firePropertyChange("theme", i - 1, i);
            }
            e.dispose(); // the leak: neither listener is removed
        }
        System.out.println("editors=" + editors + " checksum=" + app.checksum);
    }

    /** The owner: an editor of one page, open for a while and then disposed. */
    static final class Editor {
        private final LeakyRun app;
        private final int page;
        private final Map<String, Integer> wordCounts = new HashMap<>();
        private final ChangeListener onEdit = new ChangeListener() {
            @Override
            public void changed(int value) {
                Editor.this.app.checksum += value ^ page;
            }
        };
        private String text;

        Editor(LeakyRun app, int page) {
            this.app = app;
            this.page = page;
        }

        void open() {
            app.document.addChangeListener(onEdit);
            app.settings.addPropertyChangeListener(this::settingChanged);
            layout();
        }

        private void settingChanged(PropertyChangeEvent e) {
            app.checksum += e.getPropertyName().length() + page;
        }

        /** The page's work: 60 lines of text, wrapped at 72 columns, and its word counts. */
        private void layout() {
            StringBuilder page = new StringBuilder();
            int column = 0;
            for (int w = 0; w < 600; w++) {
                String word = WORDS[(w * 7 + this.page) % WORDS.length];
                if (column + word.length() + 1 > 72) {
                    page.append('\n');
                    column = 0;
                }
                page.append(word).append(' ');
                column += word.length() + 1;
                wordCounts.merge(word, 1, Integer::sum);
            }
            text = page.toString();
            app.checksum += text.hashCode();
        }

        /** Ends the editor's life (a lifecycle end to Lapse); the listeners stay registered. */
        void dispose() {
            text = null;
        }
    }
}
