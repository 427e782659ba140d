package dev.lapse.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tunes Lapse's leak checking for a test class or method; a method's annotation wins over its class's, and both
 * over the JUnit configuration parameters ({@code lapse.mode}, {@code lapse.check}, {@code lapse.signals}).
 * Without it every test class is checked anyway: the extension registers itself.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface LapseCheck {
    /** What a lapsed listener does to the test; {@link Mode#DEFAULT} takes {@code lapse.mode}. */
    Mode mode() default Mode.DEFAULT;

    /** When to check: after each test method, or once after the class; {@link When#DEFAULT} takes {@code lapse.check}. */
    When check() default When.DEFAULT;

    /**
     * The signals that count, by their names in reports ({@code scope-end}, {@code lifecycle-end}, ...); empty takes
     * {@code lapse.signals}. A name that is no signal fails the test.
     */
    String[] signals() default {};

    /** What a lapsed listener does to the test. */
    enum Mode {
        /** As configured ({@code lapse.mode}, default {@link #FAIL}). */
        DEFAULT,
        /** The test fails with the finding as its message. */
        FAIL,
        /** The finding is published as a report entry and printed on standard error; the test passes. */
        REPORT,
        /** No checking. */
        OFF
    }

    /** When the check runs. */
    enum When {
        /** As configured ({@code lapse.check}, default {@link #METHOD}). */
        DEFAULT,
        /**
         * After each test method, failing that method. Subjects reachable from the test instance are the test's
         * own and are not counted, since the instance is still alive then.
         */
        METHOD,
        /**
         * Once after all tests of the class, failing the class; the findings name the method that registered.
         * The per-method test instances are gone by then, so subjects they held are collected and need no
         * exclusion.
         */
        CLASS
    }
}
