package dev.lapse.it.scenario;

import dev.lapse.it.scenario.Subjects.ChangeListener;
import dev.lapse.it.scenario.Subjects.Clock;
import dev.lapse.it.scenario.Subjects.Model;
import dev.lapse.it.scenario.Subjects.TopicBus;

/** One disposed owner of each kind, each leaking through its own static subject. */
public final class OwnerKinds {
    static final Model SELF_MODEL = new Model();
    static final Model INNER_MODEL = new Model();
    static final Model NESTED_MODEL = new Model();
    static final Model METHOD_REF_MODEL = new Model();
    static final Model LAMBDA_MODEL = new Model();
    static final TopicBus BUS = new TopicBus();
    static final Clock CLOCK = new Clock();

    private OwnerKinds() {}

    /** Registers itself. */
    static final class SelfView implements ChangeListener {
        SelfView() {
            SELF_MODEL.addChangeListener(this);
        }

        @Override
        public void changed(String what) {}

        void dispose() {}
    }

    /** A named inner class: the listener holds the view in this$0. */
    static final class InnerView {
        private int changes;

        InnerView() {
            INNER_MODEL.addChangeListener(new Handler());
        }

        final class Handler implements ChangeListener {
            @Override
            public void changed(String what) {
                changes++;
            }
        }

        void close() {}
    }

    /** An anonymous listener inside an anonymous class: this$1 → the outer anonymous, this$0 → the view. */
    static final class NestedView {
        private int changes;

        NestedView() {
            new Runnable() {
                @Override
                public void run() {
                    NESTED_MODEL.addChangeListener(new ChangeListener() {
                        @Override
                        public void changed(String what) {
                            changes++;
                            run2();
                        }
                    });
                }

                void run2() {}
            }.run();
        }

        void destroy() {}
    }

    /** A bound method reference: the lambda's captured receiver is the view. */
    static final class MethodRefView {
        MethodRefView() {
            METHOD_REF_MODEL.addChangeListener(this::onChange);
        }

        private void onChange(String what) {}

        void shutdown() {}
    }

    /** A lambda that reads a field, so it captures this. */
    static final class LambdaView {
        private String last;

        LambdaView() {
            LAMBDA_MODEL.addChangeListener(what -> last = what);
        }

        void release() {}
    }

    /** A keyed pair: addListener(String topic, listener). */
    static final class TopicView {
        private int seen;

        TopicView() {
            BUS.addListener("orders", what -> seen++);
        }

        void detach() {}
    }

    /** An add method without a remove method: the fix is a weak wrapper plus a strong field. */
    static final class ClockView {
        private long last;

        ClockView() {
            CLOCK.addTickListener(n -> last = n);
        }

        void stop() {}
    }

    public static void main(String[] args) {
        new SelfView().dispose();
        new InnerView().close();
        new NestedView().destroy();
        new MethodRefView().shutdown();
        new LambdaView().release();
        new TopicView().detach();
        new ClockView().stop();
    }
}
