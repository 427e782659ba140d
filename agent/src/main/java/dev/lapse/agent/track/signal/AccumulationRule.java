package dev.lapse.agent.track.signal;

import dev.lapse.agent.track.EndOfLife;
import dev.lapse.agent.track.Growth;
import dev.lapse.agent.track.Registration;
import dev.lapse.agent.track.RegistrationTable;
import dev.lapse.agent.track.Site;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulation (DESIGN.md section 3), looked for at each check: a call site that keeps adding listeners to one
 * subject with no removals is a suspect even without an owner signal. At least {@code threshold} live registrations
 * with one subject, add method and site, the first and the last of them at least {@code windowMillis} apart (a burst
 * at start-up is shorter). Subjects with fewer registrations in all, or all within the window, are passed over after
 * one count. Whether the subject still holds them is decided by the check's walk.
 */
public final class AccumulationRule {
    private final RegistrationTable table;
    private final SignalClock clock;

    public AccumulationRule(RegistrationTable table, SignalClock clock) {
        this.table = table;
        this.clock = clock;
    }

    /** One call site's registrations on one subject, oldest first, and the signal that names them. */
    public record Accumulation(Object subject, List<Registration> registrations, EndOfLife end) {
        public Accumulation {
            registrations = List.copyOf(registrations);
        }
    }

    public List<Accumulation> find(int threshold, long windowMillis) {
        // per subject: live registrations, the first and the last time; a subject whose registrations all came
        // within the window holds no accumulation, whatever its sites, so it is not grouped by site (a check of
        // 100,000 listeners registered in a few seconds spent a fifth of its time there)
        Map<Object, long[]> perSubject = new IdentityHashMap<>();
        table.forEach(record -> {
            for (Registration r : record.snapshot()) {
                Object subject = r.subject();
                if (subject != null && r.get() != null) {
                    long[] n = perSubject.computeIfAbsent(subject, s -> new long[] {0, Long.MAX_VALUE, Long.MIN_VALUE});
                    n[0]++;
                    n[1] = Math.min(n[1], r.timeMillis());
                    n[2] = Math.max(n[2], r.timeMillis());
                }
            }
        });
        perSubject.values().removeIf(n -> n[0] < threshold || n[2] - n[1] < windowMillis);
        if (perSubject.isEmpty()) {
            return List.of();
        }
        Map<Object, Map<SiteKey, List<Registration>>> groups = new IdentityHashMap<>();
        table.forEach(record -> {
            for (Registration r : record.snapshot()) {
                Object subject = r.subject();
                if (subject != null && r.get() != null && perSubject.containsKey(subject)) {
                    groups.computeIfAbsent(subject, s -> new HashMap<>())
                            .computeIfAbsent(new SiteKey(r.site(), r.apiId()), k -> new ArrayList<>())
                            .add(r);
                }
            }
        });
        long now = clock.now();
        List<Accumulation> found = new ArrayList<>();
        for (Map.Entry<Object, Map<SiteKey, List<Registration>>> bySubject : groups.entrySet()) {
            for (List<Registration> same : bySubject.getValue().values()) {
                if (same.size() < threshold) {
                    continue;
                }
                same.sort(Comparator.comparingLong(Registration::timeMillis));
                long first = same.get(0).timeMillis();
                long last = same.get(same.size() - 1).timeMillis();
                if (last - first < windowMillis) {
                    continue;
                }
                int recent = 0;
                for (Registration r : same) {
                    recent += now - r.timeMillis() <= windowMillis ? 1 : 0;
                }
                Growth growth = new Growth(same.size(), last - first, recent, windowMillis);
                found.add(new Accumulation(
                        bySubject.getKey(),
                        same,
                        EndOfLife.accumulation(growth, same.get(same.size() - 1).site(), now, clock.fullGcs())));
            }
        }
        return found;
    }

    /** One add method from one site. */
    private record SiteKey(Site site, int apiId) {}
}
