package dev.lapse.agent.track.signal;

import dev.lapse.agent.track.EndOfLife;
import dev.lapse.agent.track.Registration;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Removals the code claimed, kept until a check verifies them (DESIGN.md section 2, "what the code claims is
 * verified"): a remove call or a handle's undo that matched a registration. Each claim keeps the registration itself
 * (weak to its listener and subject) and a weak reference to the owner, so nothing here keeps anything alive. Bounded
 * twice: a small sample per undoing API and listener class (the first few; a removal of a kind already sampled costs
 * one map look-up), and {@value #CAP} claims in all; a claim past either is dropped and counted. A claim whose objects
 * were collected frees its place.
 */
public final class RemovalClaims {
    /** Claims kept per undoing API and listener class: one shape of code is one claim's worth of evidence. */
    static final int PER_KIND = 4;
    /** Claims kept in all. */
    static final int CAP = 256;

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
            return registration.listener() == null || registration.subject() == null || ownerRef.get() == null;
        }
    }

    /** One shape of removal: the undoing API and the listener's class, by name (a class would pin its loader). */
    private record Kind(int apiId, String listenerClass) {}

    private final Map<Kind, List<Claim>> byKind = new HashMap<>();
    private final LongAdder dropped = new LongAdder();
    private int size;

    /**
     * Whether a removal of {@code listener} through {@code apiId} would be kept: the caller builds the claim (whose
     * site costs a stack walk) only then.
     */
    boolean admits(int apiId, Object listener) {
        Kind kind = new Kind(apiId, listener.getClass().getName());
        synchronized (byKind) {
            List<Claim> claims = byKind.get(kind);
            if (claims != null && claims.size() >= PER_KIND) {
                size -= purge(claims);
            }
            if (size >= CAP) {
                purgeAll();
            }
            if ((claims == null || claims.size() < PER_KIND) && size < CAP) {
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
        Kind kind = new Kind(claim.registration().apiId(), listener.getClass().getName());
        synchronized (byKind) {
            List<Claim> claims = byKind.computeIfAbsent(kind, k -> new ArrayList<>(2));
            if (claims.size() < PER_KIND && size < CAP) {
                claims.add(claim);
                size++;
                return;
            }
        }
        dropped.increment();
    }

    /** The live claims, for a check. */
    public List<Claim> claims() {
        List<Claim> live = new ArrayList<>();
        synchronized (byKind) {
            purgeAll();
            for (List<Claim> claims : byKind.values()) {
                live.addAll(claims);
            }
        }
        return live;
    }

    /** Whether any claim is kept. */
    public boolean any() {
        synchronized (byKind) {
            return size > 0;
        }
    }

    /** Forgets claims a check settled (by identity). */
    public void settled(Collection<Claim> settled) {
        if (settled.isEmpty()) {
            return;
        }
        Set<Claim> gone = Collections.newSetFromMap(new IdentityHashMap<>());
        gone.addAll(settled);
        synchronized (byKind) {
            for (List<Claim> claims : byKind.values()) {
                int before = claims.size();
                claims.removeIf(gone::contains);
                size -= before - claims.size();
            }
            byKind.values().removeIf(List::isEmpty);
        }
    }

    /** Removals not kept for verification because their kind's sample or the cap was full. */
    public long dropped() {
        return dropped.sum();
    }

    private void purgeAll() {
        for (List<Claim> claims : byKind.values()) {
            size -= purge(claims);
        }
        byKind.values().removeIf(List::isEmpty);
    }

    private static int purge(List<Claim> claims) {
        int before = claims.size();
        claims.removeIf(Claim::dead);
        return before - claims.size();
    }
}
