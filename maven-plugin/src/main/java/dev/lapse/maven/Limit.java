package dev.lapse.maven;

import dev.lapse.agent.config.Glob;
import dev.lapse.agent.track.Signal;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * One limit of {@code check}, given in the POM as {@code <limit><signal>accumulation</signal><maxGroups>2</maxGroups>
 * </limit>}: how many finding groups of the signals it names the report may hold. A group counts against the first
 * limit whose signal matches it.
 */
public final class Limit {
    /** The signals this limit counts: a name such as {@code lifecycle-end}, or a pattern with {@code *} and {@code ?}. */
    private String signal = "*";

    /** How many finding groups of those signals are allowed. */
    private int maxGroups;

    /** For Maven, which fills in the fields from the POM. */
    public Limit() {}

    Limit(String signal, int maxGroups) {
        this.signal = signal;
        this.maxGroups = maxGroups;
    }

    String signal() {
        return signal;
    }

    int maxGroups() {
        return maxGroups;
    }

    boolean counts(String findingSignal) {
        return pattern().matcher(findingSignal).matches();
    }

    /**
     * Checks the limit against the signals Lapse reports, so a typo never switches a gate off.
     *
     * @throws IllegalArgumentException naming the bad value and the valid signals
     */
    void validate() {
        if (maxGroups < 0) {
            throw new IllegalArgumentException("a limit's maxGroups is " + maxGroups + ", below 0");
        }
        if (Arrays.stream(Signal.values()).map(Signal::wireName).noneMatch(this::counts)) {
            throw new IllegalArgumentException(
                    "a limit's signal '" + signal + "' matches no signal (valid: " + Signal.names() + ")");
        }
    }

    private Pattern pattern() {
        return Glob.compile(signal == null ? "*" : signal.strip());
    }

    /** {@code lifecycle-end: at most 0 groups}. */
    @Override
    public String toString() {
        return signal + ": at most " + maxGroups + " group" + (maxGroups == 1 ? "" : "s");
    }
}
