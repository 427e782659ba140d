package dev.lapse.corpus;

import dev.lapse.agent.report.model.Fix;
import dev.lapse.agent.track.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One documented leak of a published library: where it is documented, the versions, the driver that reproduces it,
 * what Lapse should report on the affected version and what it reports today.
 *
 * @param id the folder of its jars under {@code corpus-libs/} and the test's name
 * @param library the library, as its users name it
 * @param citation the tracker entry or release note that documents the leak
 * @param affected the affected version
 * @param fixed the fixed version, or {@code null} when no release has the fix (then there is a control)
 * @param control whether the driver has a hand-fixed control (argument {@code control})
 * @param driver the driver's main class
 * @param shape the shape of the leak
 * @param owner the class whose instance is leaked, the owner Lapse should name
 * @param signal the signal Lapse should report it with
 * @param fix the kind of fix Lapse should recommend
 * @param status what Lapse reports today on the affected version
 * @param missReason for a {@link Status#MISSED} case, why Lapse misses it, in one sentence naming the shape
 * @param alsoOwners the other owners the same bug leaks, each a group of its own with the same signal and fix (a
 *     client and the connector it starts, each with its own shutdown hook)
 */
record CorpusCase(
        String id,
        String library,
        String citation,
        String affected,
        String fixed,
        boolean control,
        Class<?> driver,
        Shape shape,
        String owner,
        Signal signal,
        Fix.Kind fix,
        Status status,
        String missReason,
        List<String> alsoOwners) {
    /** A case whose bug leaks one owner. */
    CorpusCase(
            String id,
            String library,
            String citation,
            String affected,
            String fixed,
            boolean control,
            Class<?> driver,
            Shape shape,
            String owner,
            Signal signal,
            Fix.Kind fix,
            Status status,
            String missReason) {
        this(
                id,
                library,
                citation,
                affected,
                fixed,
                control,
                driver,
                shape,
                owner,
                signal,
                fix,
                status,
                missReason,
                List.of());
    }

    CorpusCase {
        alsoOwners = List.copyOf(alsoOwners);
        Objects.requireNonNull(citation);
        if (fixed == null && !control) {
            throw new IllegalArgumentException(id + ": a case with no fixed version needs a control");
        }
        if ((status == Status.MISSED) == (missReason == null)) {
            throw new IllegalArgumentException(id + ": a missed case, and only a missed one, says why");
        }
    }

    /** The runs this case has: the affected version, then the fixed version and the control where they exist. */
    List<Variant> variants() {
        List<Variant> variants = new ArrayList<>(List.of(Variant.AFFECTED));
        if (fixed != null) {
            variants.add(Variant.FIXED);
        }
        if (control) {
            variants.add(Variant.CONTROL);
        }
        return variants;
    }
}
