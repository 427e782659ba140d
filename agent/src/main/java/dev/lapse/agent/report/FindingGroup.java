package dev.lapse.agent.report;

import dev.lapse.agent.confirm.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings with one signature (DESIGN.md section 5): registration API, subject class, listener class, owner
 * class and the site's top application frame. The signature is stable across runs and machines: lambda class
 * names lose the JVM's counters, and line numbers are part of it only through the top frame.
 */
public final class FindingGroup {
    private final String signature;
    private final Finding example;
    private int count;
    private long retainedBytes;
    private long firstSeen;
    private long lastSeen;

    private FindingGroup(String signature, Finding example) {
        this.signature = signature;
        this.example = example;
        this.firstSeen = Long.MAX_VALUE;
        this.lastSeen = Long.MIN_VALUE;
    }

    /** Groups findings by signature, the group that keeps the most memory alive first, then the largest. */
    public static List<FindingGroup> group(Collection<Finding> findings) {
        Map<String, FindingGroup> groups = new LinkedHashMap<>();
        // Hashing is per distinct key, not per finding: sites are shared per call site, class names are the
        // JVM's own strings, so the key is cheap where the signature is not (100,000 findings in a few groups).
        Map<Key, String> signatures = new HashMap<>();
        for (Finding f : findings) {
            String signature = signatures.computeIfAbsent(new Key(f), k -> signature(f));
            FindingGroup g = groups.computeIfAbsent(signature, s -> new FindingGroup(s, f));
            g.count += f.count();
            g.retainedBytes += f.retainedBytes();
            g.firstSeen = Math.min(g.firstSeen, f.firstRegisteredMillis());
            g.lastSeen = Math.max(g.lastSeen, f.lastRegisteredMillis());
        }
        List<FindingGroup> sorted = new ArrayList<>(groups.values());
        if (sorted.size() < 2) {
            return sorted; // the comparator's lambdas are linked only for a report that needs them
        }
        sorted.sort(Comparator.comparingLong(FindingGroup::retainedBytes)
                .reversed()
                .thenComparing(Comparator.comparingInt(FindingGroup::count).reversed())
                .thenComparing(FindingGroup::signature));
        return sorted;
    }

    static String signature(Finding f) {
        StackTraceElement top = Names.topApplicationFrame(f.site());
        String key = f.api().display()
                + '|'
                + f.subjectClass()
                + '|'
                + Names.stableClass(f.listenerClass())
                + '|'
                + f.ownerClass()
                + '|'
                + (top == null ? "" : top.getClassName() + '#' + top.getMethodName() + ':' + top.getLineNumber());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                hex.append(String.format("%02x", digest[i]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** What a signature is computed from, compared by identity where the objects are shared. */
    private static final class Key {
        private final Finding f;
        private final int hash;

        Key(Finding f) {
            this.f = f;
            this.hash =
                    ((System.identityHashCode(f.api()) * 31 + f.subjectClass().hashCode()) * 31
                                            + f.listenerClass().hashCode())
                                    * 31
                            + f.ownerClass().hashCode()
                            + System.identityHashCode(f.site());
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Key)) {
                return false;
            }
            Finding g = ((Key) o).f;
            return f.api() == g.api()
                    && f.site() == g.site()
                    && f.subjectClass().equals(g.subjectClass())
                    && f.listenerClass().equals(g.listenerClass())
                    && f.ownerClass().equals(g.ownerClass());
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    public String signature() {
        return signature;
    }

    /** The first finding of the group; the others differ only in time and thread. */
    public Finding example() {
        return example;
    }

    public int count() {
        return count;
    }

    /** Estimated bytes the group's owners keep alive (a bounded walk; see the report's notes). */
    public long retainedBytes() {
        return retainedBytes;
    }

    /** Earliest registration time in the group, epoch milliseconds. */
    public long firstSeen() {
        return firstSeen;
    }

    /** Latest registration time in the group, epoch milliseconds. */
    public long lastSeen() {
        return lastSeen;
    }
}
