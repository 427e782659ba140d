package dev.lapse.corpus.configuration;

import dev.lapse.corpus.Verdict;
import java.lang.ref.WeakReference;
import org.apache.commons.configuration.BaseConfiguration;
import org.apache.commons.configuration.CombinedConfiguration;

/**
 * CONFIGURATION-572: a {@code CombinedConfiguration} registers itself as a listener on each configuration it is
 * given ({@code config.addConfigurationListener(this)} in {@code addConfiguration}) and keeps them in its list and,
 * by name, in its map; {@code clear()} replaces both with new empty ones and removes none of those registrations,
 * so a child the application keeps (shared defaults) keeps every combined configuration it was ever part of. The fix
 * shipped only in 2.0, a rewrite in another artifact and package ({@code commons-configuration2}), so the control
 * does by hand what its {@code clear()} does: it takes the combined configuration's listener off each child first.
 * The driver adds the child with a name, as {@code DefaultConfigurationBuilder} does for a source with
 * {@code config-name}; {@link Unnamed} adds it without one, when only a {@code ConfigData} wrapper in the list holds
 * it.
 */
public final class CombinedClearDriver {
    /** The long-lived subject: defaults the application shares between the configurations it combines. */
    static final BaseConfiguration DEFAULTS = Verdict.longLived(new BaseConfiguration());

    private CombinedClearDriver() {}

    public static void main(String[] args) {
        run(true, args);
    }

    /** The same leak with the child added without a name: the combined configuration holds it only in a wrapper. */
    public static final class Unnamed {
        private Unnamed() {}

        public static void main(String[] args) {
            run(false, args);
        }
    }

    private static void run(boolean named, String[] args) {
        DEFAULTS.addProperty("colour", "blue");
        Verdict.report(combineAndClear(named, Verdict.control(args)));
    }

    private static WeakReference<Object> combineAndClear(boolean named, boolean control) {
        CombinedConfiguration combined = new CombinedConfiguration();
        if (named) {
            combined.addConfiguration(DEFAULTS, "defaults");
        } else {
            combined.addConfiguration(DEFAULTS);
        }
        combined.getString("colour");
        if (control) {
            DEFAULTS.removeConfigurationListener(combined);
        }
        combined.clear();
        return new WeakReference<>(combined);
    }
}
