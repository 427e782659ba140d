package dev.lapse.it.scenario.libraries;

import io.reactivex.rxjava3.disposables.CompositeDisposable;
import io.reactivex.rxjava3.disposables.Disposable;
import io.reactivex.rxjava3.subjects.PublishSubject;

/**
 * RxJava 3 as published: {@code subscribe(Consumer)} returns the {@code Disposable} that undoes it, and has no
 * remove method. A screen that drops its handle leaks, so does one that keeps it and never disposes it; one that
 * disposes its subscriptions (through a {@code CompositeDisposable}) does not, and neither does a screen that is
 * still on display.
 */
public final class RxSubscriptions {
    static final PublishSubject<String> EVENTS = PublishSubject.create();
    static Object onDisplay;

    private RxSubscriptions() {}

    /** Drops the handle. */
    public static final class DroppingScreen {
        DroppingScreen() {
            EVENTS.subscribe(this::onEvent);
        }

        void onEvent(String event) {}

        public void close() {}
    }

    /** Keeps the handle and forgets to dispose it. */
    public static final class KeepingScreen {
        private final Disposable subscription;

        KeepingScreen() {
            subscription = EVENTS.subscribe(this::onEvent);
        }

        void onEvent(String event) {}

        public void close() {}
    }

    /** Disposes its subscriptions. */
    public static final class TidyScreen {
        private final CompositeDisposable subscriptions = new CompositeDisposable();

        TidyScreen() {
            subscriptions.add(EVENTS.subscribe(this::onEvent));
            subscriptions.add(EVENTS.subscribe(e -> onEvent(e.trim())));
        }

        void onEvent(String event) {}

        public void close() {
            subscriptions.dispose();
        }
    }

    public static void main(String[] args) {
        new DroppingScreen().close();
        new KeepingScreen().close();
        new TidyScreen().close();
        onDisplay = new DroppingScreen();
        EVENTS.onNext("event-1");
    }
}
