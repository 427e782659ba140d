package dev.lapse.it.scenario;

import dev.lapse.it.scenario.Subjects.Model;

/**
 * Many leaks of one shape: 1,000 views, each holding a 1 KiB buffer of its own, registered from one line and
 * disposed, more than the check walks the retained size of; each also leaves a lambda on a second model, from
 * another line, so the same owners are in a second group; and 10 views of another class, fewer than that. The report
 * must count every one and give the groups the size of all their owners, each owner counted once.
 */
public final class ManyOfOneShape {
    static final Model MODEL = new Model();
    static final Model OTHER = new Model();

    static final class BufferView implements Subjects.ChangeListener {
        @SuppressWarnings("unused")
        private final byte[] buffer = new byte[1024];

        BufferView() {
            MODEL.addChangeListener(this);
            OTHER.addChangeListener(what -> changed(what));
        }

        @Override
        public void changed(String what) {}

        void dispose() {}
    }

    static final class SmallView implements Subjects.ChangeListener {
        @SuppressWarnings("unused")
        private final byte[] buffer = new byte[1024];

        SmallView() {
            MODEL.addChangeListener(this);
        }

        @Override
        public void changed(String what) {}

        void dispose() {}
    }

    public static void main(String[] args) {
        for (int i = 0; i < 1000; i++) {
            new BufferView().dispose();
        }
        for (int i = 0; i < 10; i++) {
            new SmallView().dispose();
        }
        MODEL.fire("done");
        OTHER.fire("done");
    }
}
