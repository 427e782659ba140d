package dev.lapse.it.scenario;

import dev.lapse.it.scenario.Subjects.ChangeListener;
import java.util.ArrayList;
import java.util.List;

/**
 * A registration that keeps nothing alive: a document's layout, a part the document holds in a field of its own
 * (as a properties configuration holds its layout), listens to the document; closed, it stays alive through that
 * field whatever its listener does. A ruler that listens to the same document, which holds it only through its
 * listeners, and is closed while the document lives on, is a lapsed listener.
 */
public final class SubjectPart {
    static final List<Document> DOCUMENTS = new ArrayList<>();

    private SubjectPart() {}

    /** The subject: its listeners, and its layout. */
    public static final class Document {
        private final List<ChangeListener> listeners = new ArrayList<>();
        private Layout layout;

        public void addChangeListener(ChangeListener l) {
            listeners.add(l);
        }

        public void removeChangeListener(ChangeListener l) {
            listeners.remove(l);
        }

        void install(Layout l) {
            layout = l;
            addChangeListener(l);
        }
    }

    /** The document's part, listening to it. */
    public static final class Layout implements ChangeListener {
        @Override
        public void changed(String what) {}

        public void close() {}
    }

    /** Not a part: listens to the document and is closed without removing its listener. */
    public static final class Ruler implements ChangeListener {
        Ruler(Document document) {
            document.addChangeListener(this);
        }

        @Override
        public void changed(String what) {}

        public void close() {}
    }

    public static void main(String[] args) {
        Document document = new Document();
        DOCUMENTS.add(document);
        Layout layout = new Layout();
        document.install(layout);
        layout.close();
        new Ruler(document).close();
    }
}
