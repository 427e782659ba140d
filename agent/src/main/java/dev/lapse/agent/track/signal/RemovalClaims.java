package dev.lapse.agent.track.signal;

import dev.lapse.agent.track.EndOfLife;
import dev.lapse.agent.track.Registration;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * Removals the code claimed, kept until a check verifies them (DESIGN.md section 2, "what the code claims is
 * verified"): a remove call or a handle's undo that matched a registration. Each claim keeps the registration itself
 * (weak to its listener and subject) and a weak reference to the owner, so nothing here keeps anything alive. Bounded
 * twice: a small sample per undoing API and listener class (the first few), and {@value #CAP} claims in all; a claim
 * past either is dropped and counted.
 *
 * <p>Every removal asks {@link #admits}, so a refusal costs a class-value look-up and a comparison, with no lock and
 * no allocation. A claim whose objects were collected frees its place; the places are swept when a check reads the
 * claims, and on the {@value #SWEEP_EVERY}th refusal of a kind, never on every removal (a sweep reads every claim).
 */
public final class RemovalClaims {
    /** Claims kept per undoing API and listener class: one shape of code is one claim's worth of evidence. */
    static final int PER_KIND = 4;
    /** Claims kept in all. */
    static final int CAP = 256;
    /** A full kind sweeps the collected claims out on this many refusals (a power of two). */
    static final int SWEEP_EVERY = 256;

    /**
     * A removal claimed: the registration it undid, its owner, and the removal as an end ({@code ineffective-removal},
     * the remove method, its site, its time and the full collections before it).
     */
    public record Claim(Registration registration, WeakReference<Object> ownerRef, EndOfLife end) {
        /** The owner, or {@code null} once collected. */
        public Object owner() {
            return ownerRef.get();
        }

        boolean dead() {
            return registration.listener() == null
                    || ownerRef.get() == null
                    || (registration.subject() == null
                            && registration.innerSubjects().isEmpty());
        }
    }

    /**
     * One shape of removal: an undoing API and a listener class (which this is kept with, so no class or loader is
     * pinned). {@code kept} changes under the lock of the claims; the registration path reads it racily, and a stale
     * read only delays or hastens one refusal.
     */
    private static final class Kind {
        final int apiId;
        int kept;
        int refused; // racy on purpose: it only spaces out sweeps

        Kind(int apiId) {
            this.apiId = apiId;
        }
    }

    /** The kinds of one listener class, one per undoing API; almost always one. Grown copy-on-write. */
    private static final class Kinds {
        private volatile Kind[] kinds = new Kind[0];

        Kind of(int apiId) {
            for (Kind k : kinds) {
                if (k.apiId == apiId) {
                    return k;
                }
            }
            synchronized (this) {
                for (Kind k : kinds) {
                    if (k.apiId == apiId) {
                        return k;
                    }
                }
                Kind[] grown = Arrays.copyOf(kinds, kinds.length + 1);
                grown[grown.length - 1] = new Kind(apiId);
                kinds = grown;
                return grown[grown.length - 1];
            }
        }
    }

    /** A claim and the kind whose place it takes. */
    private record Kept(Claim claim, Kind kind) {}

    private final ClassValue<Kinds> kindsByClass = new ClassValue<Kinds>() {
        @Override
        protected Kinds computeValue(Class<?> type) {
            return new Kinds();
        }
    };

    private final List<Kept> kept = new ArrayList<>();
    private final LongAdder dropped = new LongAdder();
    /** {@code kept.size()}, readable without the lock. */
    private volatile int size;

    /**
     * Whether a removal of {@code listener} through {@code apiId} would be kept: the caller builds the claim (whose
     * site costs a stack walk) only then.
     */
    boolean admits(int apiId, Object listener) {
        Kind kind = kindsByClass.get(listener.getClass()).of(apiId);
        if (kind.kept >= PER_KIND || size >= CAP) {
            if ((++kind.refused & (SWEEP_EVERY - 1)) != 0) {
                dropped.increment();
                return false;
            }
            synchronized (kept) {
                sweep();
            }
        }
        synchronized (kept) {
            if (kind.kept < PER_KIND && kept.size() < CAP) {
                return true;
            }
        }
        dropped.increment();
        return false;
    }

    /** Keeps {@code claim} (after {@link #admits}; another thread may have taken the place meanwhile). */
    void add(Claim claim) {
        Object listener = claim.registration().listener();
        if (listener == null) {
            return;
        }
        Kind kind =
                kindsByClass.get(listener.getClass()).of(claim.registration().apiId());
        synchronized (kept) {
            if (kind.kept < PER_KIND && kept.size() < CAP) {
                kept.add(new Kept(claim, kind));
                kind.kept++;
                size = kept.size();
                return;
            }
        }
        dropped.increment();
    }

    /** The live claims, for a check. */
    public List<Claim> claims() {
        List<Claim> live = new ArrayList<>();
        synchronized (kept) {
            sweep();
            for (Kept k : kept) {
                live.add(k.claim());
            }
        }
        return live;
    }

    /** Whether any claim is kept. */
    public boolean any() {
        return size > 0;
    }

    /** Forgets claims a check settled (by identity). */
    public void settled(Collection<Claim> settled) {
        if (settled.isEmpty()) {
            return;
        }
        Set<Claim> gone = Collections.newSetFromMap(new IdentityHashMap<>());
        gone.addAll(settled);
        synchronized (kept) {
            forgetIf(k -> gone.contains(k.claim()));
        }
    }

    /** Removals not kept for verification because their kind's sample or the cap was full. */
    public long dropped() {
        return dropped.sum();
    }

    /** Frees the places of claims whose objects were collected. Call under the lock. */
    private void sweep() {
        forgetIf(k -> k.claim().dead());
    }

    private void forgetIf(Predicate<Kept> which) {
        for (Iterator<Kept> it = kept.iterator(); it.hasNext(); ) {
            Kept k = it.next();
            if (which.test(k)) {
                it.remove();
                k.kind().kept--;
            }
        }
        size = kept.size();
    }
}
