package dev.lapse.corpus.rxjava;

import dev.lapse.corpus.Verdict;
import io.reactivex.Observable;
import io.reactivex.disposables.Disposable;
import io.reactivex.subjects.PublishSubject;
import java.lang.ref.WeakReference;

/**
 * ReactiveX/RxJava#4782: in 2.0.0, disposing a subscription to {@code repeatWhen(...)} whose handler switches to a
 * long-lived subject leaves the inner observer subscribed to that subject ({@code subject.hasObservers()} stays
 * true), and with it the whole chain down to the subscriber. Fixed in 2.0.1 (#4783). The owner is a screen that
 * subscribes when it opens and disposes its {@code Disposable} when it closes.
 */
public final class RepeatWhenDriver {
    /** The long-lived subject: a trigger the application keeps for its whole life. */
    static final PublishSubject<String> REFRESH = Verdict.longLived(PublishSubject.create());

    private RepeatWhenDriver() {}

    public static void main(String[] args) {
        Verdict.report(openAndClose());
    }

    private static WeakReference<Object> openAndClose() {
        StatusScreen screen = new StatusScreen();
        screen.open();
        screen.close();
        if (REFRESH.hasObservers()) {
            System.out.println("the subject still has observers after dispose()");
        }
        return new WeakReference<>(screen);
    }

    /** Shows a status that is read again each time the application asks for a refresh. */
    static final class StatusScreen {
        private final StringBuilder shown = new StringBuilder();
        private Disposable subscription;

        void open() {
            subscription = Observable.just("status")
                    .repeatWhen(completions -> completions.switchMap(done -> REFRESH))
                    .subscribe(this::show);
        }

        void show(String status) {
            shown.append(status);
        }

        void close() {
            subscription.dispose();
        }
    }
}
