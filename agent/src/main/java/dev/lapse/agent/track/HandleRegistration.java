package dev.lapse.agent.track;

import java.lang.ref.WeakReference;

/**
 * A registration whose add method returned a handle that undoes it ({@code Disposable}, {@code AutoCloseable},
 * {@code Subscription}, ...). The handle is known through its record in the tracker's handle table, itself a weak
 * reference: a collected handle means nothing can undo the registration any more.
 */
final class HandleRegistration extends Registration {
    private final OwnerRecord handle;

    HandleRegistration(
            Object listener,
            WeakReference<Object> subject,
            int apiId,
            Site site,
            long timeMillis,
            String thread,
            String scope,
            String heldIn,
            OwnerRecord handle) {
        super(listener, subject, apiId, site, timeMillis, thread, scope, heldIn);
        this.handle = handle;
    }

    @Override
    public Object handle() {
        return handle.get();
    }

    @Override
    public boolean handleDropped() {
        return handle.get() == null;
    }
}
