package dev.lapse.it.scenario;

import dev.lapse.it.scenario.Subjects.ChangeListener;
import dev.lapse.it.scenario.Subjects.Model;
import dev.lapse.it.scenario.Subjects.WeakModel;
import java.lang.ref.WeakReference;

/** Every way a registration is not a lapsed listener, in one JVM: the report must have no findings. */
public final class Negatives {
    static final Model MODEL = new Model();
    static final WeakModel WEAK_MODEL = new WeakModel();
    /** Alive and never ended: a listener that legitimately lives as long as its subject. */
    static Object aliveView;
    /** Ended, then registered again: alive again. */
    static Object reopenedView;

    private Negatives() {}

    /** Removes what it added before it ends. */
    static final class TidyView {
        private final ChangeListener listener = what -> seen(what);

        TidyView() {
            MODEL.addChangeListener(listener);
        }

        void seen(String what) {}

        void dispose() {
            MODEL.removeChangeListener(listener);
        }
    }

    /** Registers on a subject that holds listeners weakly: collected after its end, nothing holds it. */
    static final class WeaklyHeldView implements ChangeListener {
        WeaklyHeldView() {
            WEAK_MODEL.addChangeListener(this);
        }

        @Override
        public void changed(String what) {}

        void dispose() {}
    }

    static final class ForeverView implements ChangeListener {
        ForeverView() {
            MODEL.addChangeListener(this);
        }

        @Override
        public void changed(String what) {}
    }

    /** Its subject is a local model that becomes garbage with it. */
    static final class LocalView implements ChangeListener {
        LocalView(Model local) {
            local.addChangeListener(this);
        }

        @Override
        public void changed(String what) {}

        void dispose() {}
    }

    /** Closed, then opened again: the new registration makes it alive. */
    static final class ReopenedView implements ChangeListener {
        void open() {
            MODEL.addChangeListener(this);
        }

        void close() {
            MODEL.removeChangeListener(this);
        }

        @Override
        public void changed(String what) {}
    }

    /** Dispose is called, but the view stays registered and alive again by registering after. */
    static final class RegisteredAfterEndView implements ChangeListener {
        void dispose() {}

        @Override
        public void changed(String what) {}
    }

    public static void main(String[] args) throws InterruptedException {
        new TidyView().dispose();

        WeaklyHeldView weak = new WeaklyHeldView();
        WeakReference<Object> weakRef = new WeakReference<>(weak);
        weak.dispose();
        weak = null;

        aliveView = new ForeverView();

        Model local = new Model();
        new LocalView(local).dispose();
        local = null;

        ReopenedView reopened = new ReopenedView();
        reopened.open();
        reopened.close();
        reopened.open();
        reopenedView = reopened;

        RegisteredAfterEndView again = new RegisteredAfterEndView();
        MODEL.addChangeListener(again);
        again.dispose();
        MODEL.addChangeListener(again); // registers again after its end: alive again
        again = null;

        for (int i = 0; i < 50 && weakRef.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        System.out.println("weakly held view collected: " + (weakRef.get() == null));
    }
}
