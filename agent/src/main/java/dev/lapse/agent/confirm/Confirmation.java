package dev.lapse.agent.confirm;

import dev.lapse.agent.track.Registration;
import dev.lapse.agent.track.Signal;
import dev.lapse.agent.track.Step;
import dev.lapse.agent.track.signal.AccumulationRule;
import dev.lapse.agent.track.signal.LostListenerRule;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Confirmation, the phase of a check after its collection: a candidate is a finding when the walk from its subject
 * still reaches its listener (or, for a static registry no static field reaches, when the listener survived the
 * collection with no removal); an accumulation when its subject still holds at least the threshold of its listeners;
 * a lost listener when a full collection ran after its loss. All walks of one check share one budget.
 */
final class Confirmation {
    private final FindingBuilder findings;
    private final ReferenceWalker.Budget budget;
    private final RetainedEstimate retained;
    private final RegistrationHold holds;
    private final List<Finding> found = new ArrayList<>();
    private final List<Registration> reported = new ArrayList<>();
    private int notHeld;
    private int undecided;
    private int awaitingGc;

    /** @param holds decides the scope ends' candidates the walks from their subjects confirmed */
    Confirmation(
            FindingBuilder findings, ReferenceWalker.Budget budget, RetainedEstimate retained, RegistrationHold holds) {
        this.findings = findings;
        this.budget = budget;
        this.retained = retained;
        this.holds = holds;
    }

    /**
     * Walks from each candidate's subject, once per subject, to its candidates' listeners. A scope end's candidate
     * the walk confirms is a finding only when its registration is what holds its owner ({@link RegistrationHold}).
     */
    void candidates(Candidates candidates) {
        for (Map.Entry<Object, Map<Object, Candidates.Candidate>> e :
                candidates.bySubject().entrySet()) {
            Object subject = e.getKey();
            Map<Object, Candidates.Candidate> byListener = e.getValue();
            Set<Object> targets = byListener.keySet(); // an identity set already
            // a chain through an owner is that owner's hold on its listener, not the subject's listener storage
            Set<Object> owners = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Candidates.Candidate c : byListener.values()) {
                owners.add(c.owner());
            }
            Map<Object, List<Step>> paths =
                    budget.exhausted() ? Map.of() : ReferenceWalker.walk(subject, targets, budget, owners);
            for (Map.Entry<Object, Candidates.Candidate> c : byListener.entrySet()) {
                Object listener = c.getKey();
                List<Step> toListener = paths.get(listener);
                if (toListener == null && subject instanceof Class<?> type && ofTheJdk(type) && !budget.exhausted()) {
                    // a JDK static API may keep its listeners in a registry no static field reaches (UIManager's
                    // state lives in an AppContext): the listener surviving a full collection with no removal is
                    // the evidence, and the chain says that its first hop was not traced. An application's or a
                    // library's static pair whose store no static field reaches is a store per thread (a toString
                    // recursion guard, which counts like a set), never confirmed without a chain
                    toListener = List.of(new Step(
                            ((Class<?>) subject).getName(),
                            "(static registry)",
                            listener.getClass().getName()));
                    if (scopeEnd(c.getValue())) {
                        holds.add(new RegistrationHold.Pending(subject, listener, c.getValue(), toListener, false));
                    } else {
                        confirmed(subject, listener, c.getValue(), toListener, false);
                    }
                } else if (toListener != null
                        && (keepsNothing(subject, c.getValue().owner())
                                || partOf(subject, c.getValue().owner()))) {
                    notHeld++;
                } else if (toListener != null && scopeEnd(c.getValue())) {
                    holds.add(new RegistrationHold.Pending(subject, listener, c.getValue(), toListener, true));
                } else if (toListener != null) {
                    confirmed(subject, listener, c.getValue(), toListener, true);
                } else if (budget.exhausted()) {
                    undecided++;
                } else {
                    notHeld++;
                }
            }
        }
        for (RegistrationHold.Judged j : holds.judge()) {
            RegistrationHold.Pending p = j.pending();
            switch (j.verdict()) {
                case HOLDS -> confirmed(p.subject(), p.listener(), p.candidate(), p.path(), p.traced());
                case ELSEWHERE -> notHeld++;
                case UNDECIDED -> undecided++;
            }
        }
    }

    private static boolean scopeEnd(Candidates.Candidate c) {
        return c.end().signal() == Signal.SCOPE_END;
    }

    /**
     * Whether the registration keeps nothing alive because the subject is reachable only through the owner, as far
     * as fields tell: a JVM-wide owner (held by a static field of its class) listening to a subject held in its own
     * field and by no static field of the subject's class or the owner's. A context listening to its own
     * configuration is alive through its static holder, and the configuration through it.
     */
    static boolean keepsNothing(Object subject, Object owner) {
        return !(subject instanceof Class)
                && Holders.instanceFieldHolding(owner, subject) != null
                && Holders.heldStatically(owner, owner.getClass())
                && !Holders.heldStatically(subject, subject.getClass())
                && !Holders.heldStatically(subject, owner.getClass());
    }

    /**
     * Whether the subject holds the owner as a part of its own: in an instance field declared with a class type (not
     * an interface, an array or {@code Object}, the types a field that stores a listener has), as a configuration
     * holds its layout. The owner then lives as long as the subject whatever its listener does, and removing the
     * listener would free nothing.
     */
    static boolean partOf(Object subject, Object owner) {
        if (subject instanceof Class) {
            return false;
        }
        Field f = Holders.instanceFieldHolding(subject, owner);
        if (f == null) {
            return false;
        }
        Class<?> type = f.getType();
        return !type.isInterface() && !type.isArray() && type != Object.class;
    }

    /** A class of the JDK's own: the bootstrap or the platform loader defined it. */
    private static boolean ofTheJdk(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return loader == null || loader == ClassLoader.getPlatformClassLoader();
    }

    private void confirmed(
            Object subject, Object listener, Candidates.Candidate c, List<Step> toListener, boolean traced) {
        Finding f = findings.finding(subject, listener, c, toListener, traced, retained.of(c.owner()), 1, budget);
        if (f == null) {
            notHeld++; // the listener does not reach the object that registered it
            return;
        }
        found.add(f);
        reported.add(c.registration());
    }

    /** Lost listeners whose loss a full collection followed are findings; the others await one. */
    void lost(List<LostListenerRule.Lost> lost, long fullGcs) {
        for (LostListenerRule.Lost l : lost) {
            if (fullGcs <= l.end().majorGcsBefore()) {
                awaitingGc++;
            } else {
                found.add(findings.lost(l));
                reported.add(l.registration());
            }
        }
    }

    /**
     * Each accumulation whose subject still holds at least {@code threshold} of its listeners: one finding for the
     * newest of them that counts them all. Nothing needs to have ended.
     */
    void accumulations(List<AccumulationRule.Accumulation> accumulations, int threshold) {
        for (AccumulationRule.Accumulation a : accumulations) {
            Finding f = accumulated(a, threshold);
            if (f != null) {
                found.add(f);
            }
        }
    }

    private Finding accumulated(AccumulationRule.Accumulation a, int threshold) {
        Set<Object> targets = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Registration r : a.registrations()) {
            Object listener = r.listener();
            if (listener != null) {
                targets.add(listener);
            }
        }
        if (budget.exhausted()) {
            return null;
        }
        Map<Object, List<Step>> paths = ReferenceWalker.walk(a.subject(), targets, budget);
        if (paths.size() < threshold) {
            return null;
        }
        for (int i = a.registrations().size() - 1; i >= 0; i--) {
            Registration newest = a.registrations().get(i);
            Object listener = newest.listener();
            List<Step> path = listener == null ? null : paths.get(listener);
            if (path != null) {
                Object owner = findings.ownerOf(listener);
                return findings.finding(
                        a.subject(),
                        listener,
                        new Candidates.Candidate(newest, owner, a.end()),
                        path,
                        true,
                        retained.of(owner) * paths.size(),
                        paths.size(),
                        budget);
            }
        }
        return null;
    }

    List<Finding> found() {
        return found;
    }

    /** The registrations of the findings that needed an end (candidates and lost listeners). */
    List<Registration> reported() {
        return reported;
    }

    int notHeld() {
        return notHeld;
    }

    int undecided() {
        return undecided;
    }

    /** Lost listeners that await a full collection after their loss. */
    int awaitingGc() {
        return awaitingGc;
    }
}
