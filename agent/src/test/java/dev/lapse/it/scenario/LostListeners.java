package dev.lapse.it.scenario;

import dev.lapse.it.scenario.Subjects.ChangeListener;
import dev.lapse.it.scenario.Subjects.Model;
import dev.lapse.weak.WeakListener;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Lapse's own weak wrapper ({@code dev.lapse:lapse-weak}) on a long-lived subject, one case per run (the first
 * argument names it). An owner that lives on, never ended, and wrapped a listener that nothing else held lost its
 * callback at the first collection, whether the wrapper stays registered or removes itself at the next event. An
 * owner that keeps its listener in a field, an owner that was disposed, an owner that was collected and a listener
 * that is its own owner lost nothing.
 *
 * <p>Most owners hold their delegate in a local until the registration call has returned
 * ({@link Reference#reachabilityFence}), and not a moment longer: nothing keeps it once the constructor returns,
 * exactly as in the inline form, but no collection can clear it before the agent has seen the registration. The
 * inline form itself ({@link InlineDashboard}) leaves the delegate unreachable from the moment the wrapper is made,
 * so a collection during the add call clears it first (see {@code LostListenerIT}).
 *
 * <p>Each case checks its own premise (the callback stopped, or still runs; the wrapper is still registered, or
 * removed itself) and ends with an exception when the collection did not do what the case needs.
 */
public final class LostListeners {
    /** The long-lived subject. */
    static final Model MODEL = new Model();
    /** Owners still in use at the end of main, so at the agent's exit check too. */
    static final List<Object> IN_USE = new ArrayList<>();

    private LostListeners() {}

    /** Wraps a bound method reference it does not keep, with no remove action: the wrapper stays registered. */
    public static final class LocalDashboard {
        String shown;

        LocalDashboard() {
            ChangeListener onChange = this::onChange;
            MODEL.addChangeListener(WeakListener.of(ChangeListener.class, onChange));
            Reference.reachabilityFence(onChange); // alive through the registration, then nothing holds it
        }

        void onChange(String what) {
            shown = what;
        }
    }

    /** Wraps a lambda capturing {@code this} it does not keep, with a remove action: the wrapper removes itself. */
    public static final class SelfRemovingDashboard {
        String shown;

        SelfRemovingDashboard() {
            ChangeListener onChange = what -> shown = what;
            MODEL.addChangeListener(
                    WeakListener.of(ChangeListener.class, onChange, l -> MODEL.removeChangeListener(l)));
            Reference.reachabilityFence(onChange);
        }
    }

    /** The README's warning, written as it is warned against: the method reference inline. */
    public static final class InlineDashboard {
        String shown;

        InlineDashboard() {
            MODEL.addChangeListener(WeakListener.of(ChangeListener.class, this::onChange));
        }

        void onChange(String what) {
            shown = what;
        }
    }

    /** The documented fix: the field keeps the listener exactly as long as the dashboard. */
    public static final class KeepingDashboard {
        String shown;
        private final ChangeListener onChange = what -> shown = what;

        KeepingDashboard() {
            MODEL.addChangeListener(
                    WeakListener.of(ChangeListener.class, onChange, l -> MODEL.removeChangeListener(l)));
        }
    }

    /** Does not keep its listener, like {@link LocalDashboard}, but is disposed: it no longer needs the callback. */
    public static final class DisposedDashboard {
        String shown;

        DisposedDashboard() {
            ChangeListener onChange = this::onChange;
            MODEL.addChangeListener(WeakListener.of(ChangeListener.class, onChange));
            Reference.reachabilityFence(onChange);
        }

        void onChange(String what) {
            shown = what;
        }

        public void dispose() {}
    }

    /** A listener with no owner but itself: collected, it takes nothing with it that still needed it. */
    public static final class Printer implements ChangeListener {
        static int printed;

        @Override
        public void changed(String what) {
            printed++;
        }
    }

    /** Registers a wrapped {@link Printer} it does not keep: the console stays in use, but the printer is not its. */
    public static final class Console {
        Console() {
            Printer printer = new Printer();
            MODEL.addChangeListener(WeakListener.of(ChangeListener.class, printer));
            Reference.reachabilityFence(printer);
        }
    }

    public static void main(String[] args) {
        String which = args.length > 0 ? args[0] : "";
        switch (which) {
            case "local": {
                LocalDashboard d = new LocalDashboard();
                IN_USE.add(d);
                collectAndFire();
                expect(d.shown == null, "the delegate was not collected: the dashboard still got the event");
                expect(MODEL.size() == 1, "the wrapper without a remove action should stay registered");
                break;
            }
            case "self-removing": {
                SelfRemovingDashboard d = new SelfRemovingDashboard();
                IN_USE.add(d);
                collectAndFire();
                expect(d.shown == null, "the delegate was not collected: the dashboard still got the event");
                expect(MODEL.size() == 0, "the wrapper should have removed itself at the event after its loss");
                break;
            }
            case "inline": {
                InlineDashboard d = new InlineDashboard();
                IN_USE.add(d);
                collectAndFire();
                expect(d.shown == null, "the delegate was not collected: the dashboard still got the event");
                expect(MODEL.size() == 1, "the wrapper without a remove action should stay registered");
                break;
            }
            case "kept": {
                KeepingDashboard d = new KeepingDashboard();
                IN_USE.add(d);
                collectAndFire();
                expect("fired".equals(d.shown), "the kept delegate should still get the event, got " + d.shown);
                expect(MODEL.size() == 1, "the wrapper of a kept delegate should stay registered");
                break;
            }
            case "disposed": {
                DisposedDashboard d = new DisposedDashboard();
                d.dispose();
                IN_USE.add(d); // disposed, yet still referenced (a cache of closed views): it needs no callback
                collectAndFire();
                expect(d.shown == null, "the delegate was not collected: the dashboard still got the event");
                break;
            }
            case "collected": {
                // the owners and their delegates become garbage together
                WeakReference<Object> local = new WeakReference<>(new LocalDashboard());
                WeakReference<Object> removing = new WeakReference<>(new SelfRemovingDashboard());
                collectAndFire();
                expect(local.get() == null && removing.get() == null, "the dashboards were not collected");
                expect(MODEL.size() == 1, "only the wrapper without a remove action should be left registered");
                break;
            }
            case "standalone": {
                IN_USE.add(new Console());
                collectAndFire();
                expect(Printer.printed == 0, "the printer was not collected: it still got the event");
                expect(MODEL.size() == 1, "the printer's wrapper should stay registered");
                break;
            }
            default:
                throw new IllegalArgumentException("which case? local, self-removing, inline, kept, disposed,"
                        + " collected, standalone; got '" + which + "'");
        }
    }

    /** A full collection, then an event: a wrapper whose delegate is gone forwards nothing (and may remove itself). */
    private static void collectAndFire() {
        System.gc();
        MODEL.fire("fired");
    }

    private static void expect(boolean premise, String otherwise) {
        if (!premise) {
            throw new IllegalStateException(otherwise);
        }
    }
}
