package dev.lapse.agent.track;

import java.lang.ref.WeakReference;
import java.util.List;

/**
 * Registrations by the handle their add returned ({@code Disposable}, {@code AutoCloseable}, ...), for the handle's
 * closing method to undo them. Its records are weak references to the handles: a collected handle means nothing can
 * undo its registrations any more ({@link Registration#handleDropped()}). The registrations themselves are counted
 * in the owners' table.
 */
final class HandleTable {
    private final OwnerTable handles = new OwnerTable();
    /** Set at the first handle: until then a {@code close()} anywhere needs no lookup. */
    private volatile boolean seen;

    /**
     * A registration whose add returned {@code handle}, indexed under it; {@code inner} the other subjects the add
     * registered on inside its own call, or {@code null}.
     */
    Registration add(
            Object handle,
            Object listener,
            WeakReference<Object> subject,
            int apiId,
            Site site,
            long now,
            String thread,
            String scope,
            String heldIn,
            WeakReference<Object>[] inner) {
        seen = true;
        return handles.withRecord(handle, scope, record -> {
            Registration r = inner == null
                    ? new HandleRegistration(listener, subject, apiId, site, now, thread, scope, heldIn, record)
                    : new HandleRegistration.Chained(
                            listener, subject, apiId, site, now, thread, scope, heldIn, record, inner);
            record.add(r);
            return r;
        });
    }

    /** A closing method returned on {@code handle}: the registrations it undid, or {@code null} when none. */
    List<Registration> closed(Object handle) {
        if (!seen) {
            return null;
        }
        return handles.ifPresent(handle, record -> {
            List<Registration> registrations = record.snapshot();
            record.clearAll();
            return registrations;
        });
    }

    /** Drops the registrations whose listener or subject was collected; a closed handle's empty record goes. */
    void purge() {
        if (seen) {
            handles.forEach(record -> {
                record.purgeDead();
                return record.size() > 0;
            });
        }
    }

    /** Forgets collected handles. */
    void expunge() {
        if (seen) {
            handles.expunge();
        }
    }
}
