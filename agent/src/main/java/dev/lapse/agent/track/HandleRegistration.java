package dev.lapse.agent.track;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * A registration whose add method returned a handle that undoes it ({@code Disposable}, {@code AutoCloseable},
 * {@code Subscription}, ...). The handle is known through its record in the tracker's handle table, itself a weak
 * reference: a collected handle means nothing can undo the registration any more.
 */
class HandleRegistration extends Registration {
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

    /**
     * A registration whose add registered on other subjects inside its own call (an operator chain's
     * {@code subscribe} subscribing to its sources): its handle's undo must let go of those too. A class of its own so
     * that other handles' registrations carry no field for them.
     */
    static final class Chained extends HandleRegistration {
        /** The inner subjects' shared weak references ({@link SubjectRefs}), in the order their calls began. */
        private final WeakReference<Object>[] inner;

        Chained(
                Object listener,
                WeakReference<Object> subject,
                int apiId,
                Site site,
                long timeMillis,
                String thread,
                String scope,
                String heldIn,
                OwnerRecord handle,
                WeakReference<Object>[] inner) {
            super(listener, subject, apiId, site, timeMillis, thread, scope, heldIn, handle);
            this.inner = inner;
        }

        @Override
        public List<Object> innerSubjects() {
            List<Object> live = new ArrayList<>(inner.length);
            for (WeakReference<Object> r : inner) {
                Object s = r.get();
                if (s != null) {
                    live.add(s);
                }
            }
            return live;
        }
    }
}
