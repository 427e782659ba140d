package dev.lapse.agent.instrument.callsite;

import java.util.Arrays;

/**
 * Every call site rewritten in this JVM, numbered as classes are transformed (JaCoCo's probe ids, one per call
 * instruction). The table is one per JVM, not per agent start: the ids are constants in the rewritten classes,
 * which outlive a {@code stop} and a second attach, so an id must never be given to another site. Appended
 * under a lock at instrumentation time; read without one on the registration path.
 */
public final class CallSiteTable {
    /** Past this many sites, calls are not rewritten and their registrations walk the stack as before. */
    static final int MAX_SITES = 1 << 20;

    private static final CallSiteTable JVM = new CallSiteTable();

    private volatile CallSite[] sites = new CallSite[256];
    private int size = 1; // id 0 is "no site"

    CallSiteTable() {}

    /** The table of this JVM. */
    public static CallSiteTable jvm() {
        return JVM;
    }

    /** The site with this id, or {@code null} for 0 or an id not (yet) in the table. */
    public CallSite get(int id) {
        CallSite[] known = sites;
        return id > 0 && id < known.length ? known[id] : null;
    }

    /** Appends a site; returns its id, or 0 when the table is full. */
    synchronized int add(
            String callerClass, String callerMethod, String file, int line, String invokedName, int invokedArity) {
        if (size >= MAX_SITES) {
            return 0;
        }
        CallSite[] known = sites;
        if (size == known.length) {
            known = Arrays.copyOf(known, size * 2);
        }
        int id = size++;
        known[id] = new CallSite(id, callerClass, callerMethod, file, line, invokedName, invokedArity);
        sites = known; // the volatile write publishes the new entry
        return id;
    }

    /** How many sites were rewritten. */
    public synchronized int size() {
        return size - 1;
    }
}
