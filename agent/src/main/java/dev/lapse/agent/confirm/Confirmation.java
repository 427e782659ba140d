package dev.lapse.agent.confirm;

import dev.lapse.agent.track.Registration;
import dev.lapse.agent.track.Signal;
import dev.lapse.agent.track.Site;
import dev.lapse.agent.track.Step;
import dev.lapse.agent.track.signal.AccumulationRule;
import dev.lapse.agent.track.signal.LostListenerRule;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Confirmation, the phase of a check after its collection: a candidate is a finding when the walk from its subject
 * still reaches its listener (or, for a static registry no static field reaches, when the listener survived the
 * collection with no removal); an accumulation when its subject still holds at least the threshold of its listeners;
 * a lost listener when a full collection ran after its loss. All walks of one check share one budget. The
 * candidates of one {@link Shape} (API, classes, site, signal) make one finding that counts them all.
 */
final class Confirmation {
    private final FindingBuilder findings;
    private final ReferenceWalker.Budget budget;
    private final RetainedEstimate retained;
    private final RegistrationHold holds;
    private final List<Finding> found = new ArrayList<>();
    /**
     * The candidates' findings by shape: one finding per shape stands for all of its registrations. A report tells a
     * group by its first finding and sums the others' counts, sizes and times, so it says the same as with a finding
     * per registration, and a leak repeated 100,000 times from one line costs one chain and one set of names.
     */
    private final Map<Shape, Shape> shapes = new HashMap<>();

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
            ReferenceWalker.Reached paths =
                    budget.exhausted() ? null : ReferenceWalker.reach(subject, targets, budget, owners);
            for (Map.Entry<Object, Candidates.Candidate> c : byListener.entrySet()) {
                Object listener = c.getKey();
                boolean reached = paths != null && paths.contains(listener);
                if (!reached && subject instanceof Class<?> type && ofTheJdk(type) && !budget.exhausted()) {
                    // a JDK static API may keep its listeners in a registry no static field reaches (UIManager's
                    // state lives in an AppContext): the listener surviving a full collection with no removal is
                    // the evidence, and the chain says that its first hop was not traced. An application's or a
                    // library's static pair whose store no static field reaches is a store per thread (a toString
                    // recursion guard, which counts like a set), never confirmed without a chain
                    if (scopeEnd(c.getValue())) {
                        holds.add(new RegistrationHold.Pending(
                                subject, listener, c.getValue(), staticRegistry(subject, listener), false));
                    } else {
                        confirmed(subject, listener, c.getValue(), null, null, false);
                    }
                } else if (reached
                        && (keepsNothing(subject, c.getValue().owner())
                                || partOf(subject, c.getValue().owner()))) {
                    notHeld++;
                } else if (reached && scopeEnd(c.getValue())) {
                    // the hold is decided from the chain's last hop, so a scope end's chain is made now
                    holds.add(new RegistrationHold.Pending(
                            subject, listener, c.getValue(), paths.chainTo(listener), true));
                } else if (reached) {
                    confirmed(subject, listener, c.getValue(), paths, null, true);
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
                case HOLDS -> confirmed(p.subject(), p.listener(), p.candidate(), null, p.path(), p.traced());
                case ELSEWHERE -> notHeld++;
                case UNDECIDED -> undecided++;
            }
        }
    }

    private static boolean scopeEnd(Candidates.Candidate c) {
        return c.end().signal() == Signal.SCOPE_END;
    }

    /** The chain of a JDK static registry no static field reaches: one hop, said to be untraced. */
    private static List<Step> staticRegistry(Object subject, Object listener) {
        return List.of(new Step(
                ((Class<?>) subject).getName(),
                "(static registry)",
                listener.getClass().getName()));
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

    /**
     * A confirmed candidate: the first of its shape is made a finding, with its chain and names; the others of the
     * shape are decided as that one was (a listener that holds nothing of the object that registered it must reach
     * it) and counted in, without a chain or names of their own. The owners' retained sizes are walked for the
     * first {@link Checker#RETAINED_SAMPLE} of a shape, in the order the candidates come, and extrapolated to the rest.
     *
     * @param paths the walk that reached the listener, or {@code null}: then {@code chain}
     * @param chain the chain to the listener made already, or {@code null} for a static registry's untraced first hop
     */
    private void confirmed(
            Object subject,
            Object listener,
            Candidates.Candidate c,
            ReferenceWalker.Reached paths,
            List<Step> chain,
            boolean traced) {
        long registered = c.registration().timeMillis();
        Shape probe = new Shape(subject, listener, c, traced);
        Shape shape = shapes.get(probe);
        if (shape != null) {
            boolean walk = shape.walked < Checker.RETAINED_SAMPLE;
            long bytes = 0;
            if (walk) {
                bytes = retained.of(c.owner());
            } else {
                retained.estimated(c.owner()); // counted at the shape's mean: no other walk counts it again
            }
            if (!findings.reachesOwner(listener, c.owner(), budget)) {
                notHeld++; // the listener does not reach the object that registered it
                return;
            }
            shape.add(walk, bytes, registered);
        } else {
            long bytes = retained.of(c.owner());
            List<Step> toListener =
                    paths != null ? paths.chainTo(listener) : chain != null ? chain : staticRegistry(subject, listener);
            Finding f = findings.finding(subject, listener, c, toListener, traced, bytes, 1, budget);
            if (f == null) {
                notHeld++; // the listener does not reach the object that registered it
                return;
            }
            probe.first(found.size(), bytes, registered);
            shapes.put(probe, probe);
            found.add(f);
        }
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

    /** The findings, each candidates' finding counting every registration of its shape. */
    List<Finding> found() {
        List<Finding> all = new ArrayList<>(found);
        for (Shape s : shapes.values()) {
            if (s.count > 1) {
                all.set(s.index, all.get(s.index).merged(s.count, s.retainedBytes(), s.firstMillis, s.lastMillis));
            }
        }
        return all;
    }

    /** Findings whose retained size was extrapolated from their first {@link Checker#RETAINED_SAMPLE} owners. */
    int extrapolated() {
        int n = 0;
        for (Shape s : shapes.values()) {
            n += s.count > s.walked ? 1 : 0;
        }
        return n;
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

    /**
     * What the registrations one finding stands for have in common: the API, the subject's class (and whether it is
     * static), the listener's and the owner's classes, the site (sites are shared, so compared by identity), the
     * signal and whether the chain was traced; a report's group signature is made of these. And their tally: where
     * the shape's finding is, how many registrations it stands for, their retained bytes and registration times.
     */
    private static final class Shape {
        private final int apiId;
        private final Class<?> subjectType;
        private final boolean staticSubject;
        private final Class<?> listenerType;
        private final Class<?> ownerType;
        private final Site site;
        private final Signal signal;
        private final boolean traced;
        private final int hash;

        /** Where the shape's finding is in {@link #found}. */
        private int index;

        private int count;
        /** How many of the {@link #count} owners' retained sizes were walked, the first's included. */
        private int walked;
        /** The first owner's retained bytes, and the other walked owners' together. */
        private long firstBytes;

        private long walkedBytes;
        private long firstMillis;
        private long lastMillis;

        Shape(Object subject, Object listener, Candidates.Candidate c, boolean traced) {
            this.apiId = c.registration().apiId();
            this.staticSubject = subject instanceof Class;
            this.subjectType = staticSubject ? (Class<?>) subject : subject.getClass();
            this.listenerType = listener.getClass();
            this.ownerType = c.owner().getClass();
            this.site = c.registration().site();
            this.signal = c.end().signal();
            this.traced = traced;
            int h = apiId;
            h = 31 * h + System.identityHashCode(subjectType);
            h = 31 * h + System.identityHashCode(listenerType);
            h = 31 * h + System.identityHashCode(ownerType);
            h = 31 * h + System.identityHashCode(site);
            this.hash = 31 * h + signal.ordinal();
        }

        void first(int index, long bytes, long registered) {
            this.index = index;
            this.count = 1;
            this.walked = 1;
            this.firstBytes = bytes;
            this.firstMillis = registered;
            this.lastMillis = registered;
        }

        /** One more registration of the shape; {@code bytes} its owner's retained size when {@code walked}. */
        void add(boolean walked, long bytes, long registered) {
            count++;
            if (walked) {
                this.walked++;
                walkedBytes += bytes;
            }
            firstMillis = Math.min(firstMillis, registered);
            lastMillis = Math.max(lastMillis, registered);
        }

        /** The walked owners' bytes, and the others' at the mean of the walked ones after the first. */
        long retainedBytes() {
            long rest = count - walked;
            return firstBytes + walkedBytes + (rest == 0 ? 0 : rest * walkedBytes / (walked - 1));
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Shape)) {
                return false;
            }
            Shape s = (Shape) o;
            return apiId == s.apiId
                    && subjectType == s.subjectType
                    && staticSubject == s.staticSubject
                    && listenerType == s.listenerType
                    && ownerType == s.ownerType
                    && site == s.site
                    && signal == s.signal
                    && traced == s.traced;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
