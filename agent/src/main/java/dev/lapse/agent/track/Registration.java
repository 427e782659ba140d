package dev.lapse.agent.track;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;

/**
 * One add call: a weak reference to the listener carrying the facts of the registration (the
 * {@code KeyedWeakReference} shape). The subject is held weakly too; nothing here keeps application objects
 * alive. Mutable state is guarded by the owning {@link OwnerRecord}.
 */
public final class Registration extends WeakReference<Object> {
    final OwnerRecord record;
    private final WeakReference<Object> subject;
    private final int apiId;
    private final Site site;
    private final long timeMillis;
    private final String thread;

    Registration(Object listener, Object subject, OwnerRecord record, int apiId, Site site, long timeMillis,
            String thread, ReferenceQueue<Object> queue) {
        super(listener, queue);
        this.record = record;
        this.subject = new WeakReference<>(subject);
        this.apiId = apiId;
        this.site = site;
        this.timeMillis = timeMillis;
        this.thread = thread;
    }

    /** The listener, or {@code null} once collected. */
    public Object listener() {
        return get();
    }

    /** The subject, or {@code null} once collected. */
    public Object subject() {
        return subject.get();
    }

    public int apiId() {
        return apiId;
    }

    public Site site() {
        return site;
    }

    public long timeMillis() {
        return timeMillis;
    }

    /** Name of the thread that registered. */
    public String thread() {
        return thread;
    }
}
