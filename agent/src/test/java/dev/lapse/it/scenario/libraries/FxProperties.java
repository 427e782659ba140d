package dev.lapse.it.scenario.libraries;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;

/**
 * JavaFX properties from {@code org.openjfx:javafx-base} as published, headless: {@code addListener} and
 * {@code removeListener}. A view disposed without removing its listener leaks; one that removes it does not; one
 * that registers a {@code WeakChangeListener} and keeps its delegate in a field does not either. A view on display
 * whose weak listener's delegate nothing kept lost its callback at the first collection (the wrapper removed itself
 * at the next change).
 */
public final class FxProperties {
    static final StringProperty TITLE = new SimpleStringProperty("untitled");
    static final List<Object> ON_DISPLAY = new ArrayList<>();

    private FxProperties() {}

    /** Adds a lambda, never removes it. */
    public static final class LeakyView {
        String shown;

        LeakyView() {
            TITLE.addListener((property, before, now) -> shown = now);
        }

        public void dispose() {}
    }

    /** Keeps its listener and removes it when disposed. */
    public static final class TidyView {
        String shown;
        private final ChangeListener<String> titleChanged = (property, before, now) -> shown = now;

        TidyView() {
            TITLE.addListener(titleChanged);
        }

        public void dispose() {
            TITLE.removeListener(titleChanged);
        }
    }

    /** Registers a weak wrapper and keeps the delegate itself: the property keeps nothing alive. */
    public static final class WeakView {
        String shown;
        private final ChangeListener<String> titleChanged = (property, before, now) -> shown = now;

        WeakView() {
            TITLE.addListener(new WeakChangeListener<>(titleChanged));
        }

        public void dispose() {}
    }

    /** Registers a weak wrapper around a lambda that nothing else keeps. */
    public static final class ForgetfulView {
        String shown;

        ForgetfulView() {
            TITLE.addListener(new WeakChangeListener<>((property, before, now) -> shown = now));
        }
    }

    public static void main(String[] args) {
        new LeakyView().dispose();
        new TidyView().dispose();
        ON_DISPLAY.add(new WeakView());
        ON_DISPLAY.add(new ForgetfulView());
        System.gc();
        TITLE.set("orders");
    }
}
