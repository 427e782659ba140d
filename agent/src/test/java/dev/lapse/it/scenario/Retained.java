package dev.lapse.it.scenario;

import dev.lapse.it.scenario.Subjects.Model;

/**
 * Two leaks of different weight: one view holding a 1 MiB image, leaked once, and five light views. The report
 * must put the heavy one first although the light one is found more often. {@code second} runs the same code a
 * second time in one JVM, for merge tests that want different counts per report.
 */
public final class Retained {
    static final Model MODEL = new Model();

    static final class ImageView {
        @SuppressWarnings("unused")
        private final byte[] image = new byte[1 << 20];

        ImageView() {
            MODEL.addChangeListener(what -> repaint(what));
        }

        void repaint(String what) {}

        void close() {}
    }

    static final class LabelView implements Subjects.ChangeListener {
        String text;

        LabelView() {
            MODEL.addChangeListener(this);
        }

        @Override
        public void changed(String what) {
            text = what;
        }

        void dispose() {}
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        for (int r = 0; r < rounds; r++) {
            new ImageView().close();
            for (int i = 0; i < 5; i++) {
                new LabelView().dispose();
            }
        }
        MODEL.fire("done");
    }
}
