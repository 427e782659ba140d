package dev.lapse.maven;

import dev.lapse.agent.config.Suppressions;
import dev.lapse.agent.report.model.Frame;
import dev.lapse.agent.report.model.Group;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges a report's finding groups against {@code check}'s limits: a group that a suppression rule matches does not
 * count; every other counts against the first limit whose signal it has, and a limit with more groups than it allows
 * is breached. A group no limit names does not count.
 */
final class FindingGate {
    private final List<Limit> limits;
    private final Suppressions suppressions;

    FindingGate(List<Limit> limits, Suppressions suppressions) {
        this.limits = List.copyOf(limits);
        this.suppressions = suppressions;
    }

    /** What the gate made of one report. */
    record Verdict(List<Breach> breaches, int counted, int suppressed) {
        boolean passed() {
            return breaches.isEmpty();
        }
    }

    /** A limit with more groups than it allows, and those groups. */
    record Breach(Limit limit, List<Group> groups) {}

    Verdict judge(List<Group> groups) {
        Map<Limit, List<Group>> counted = new LinkedHashMap<>();
        int suppressed = 0;
        int total = 0;
        for (Group g : groups) {
            String signal = g.signal().wireName();
            if (suppressions.match(
                            g.signal(),
                            g.subject().className(),
                            g.listener().className(),
                            g.owner().className(),
                            g.registration().site().stream().map(Frame::element).toList())
                    != null) {
                suppressed++;
                continue;
            }
            for (Limit limit : limits) {
                if (limit.counts(signal)) {
                    counted.computeIfAbsent(limit, l -> new ArrayList<>()).add(g);
                    total++;
                    break;
                }
            }
        }
        List<Breach> breaches = new ArrayList<>();
        counted.forEach((limit, over) -> {
            if (over.size() > limit.maxGroups()) {
                breaches.add(new Breach(limit, List.copyOf(over)));
            }
        });
        return new Verdict(List.copyOf(breaches), total, suppressed);
    }

    /**
     * The build's failure message: each breached limit, then each of its groups by signal, count, headline,
     * registration site and fix.
     */
    static String describe(List<Breach> breaches) {
        StringBuilder b = new StringBuilder("Lapse: the report holds lapsed listeners beyond the check's limits");
        for (Breach breach : breaches) {
            b.append("\n  ")
                    .append(breach.limit().signal())
                    .append(": ")
                    .append(breach.groups().size())
                    .append(" group")
                    .append(breach.groups().size() == 1 ? "" : "s")
                    .append(", at most ")
                    .append(breach.limit().maxGroups())
                    .append(" allowed");
            for (Group g : breach.groups()) {
                b.append("\n    - ")
                        .append(g.signal().wireName())
                        .append(" x")
                        .append(g.count())
                        .append(": ")
                        .append(g.summary());
                b.append("\n      registered ").append(g.registration().method());
                List<Frame> site = g.registration().site();
                if (!site.isEmpty()) {
                    Frame top = site.get(0);
                    b.append(" at ")
                            .append(top.className())
                            .append('.')
                            .append(top.method())
                            .append(" (")
                            .append(top.file() == null ? "unknown source" : top.file())
                            .append(top.line() >= 0 ? ":" + top.line() : "")
                            .append(')');
                }
                b.append("\n      fix: ").append(g.fix().summary());
            }
        }
        return b.toString();
    }
}
