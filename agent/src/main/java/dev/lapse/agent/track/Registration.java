package dev.lapse.agent.track;

import java.lang.ref.WeakReference;
import java.util.List;

/**
 * One add call: a weak reference to the listener carrying the facts of the registration (the
 * {@code KeyedWeakReference} shape). The subject is held weakly too; nothing here keeps application objects
 * alive. Immutable but for its scope, which a scope check forgets once it has reported the registration. Not
 * queued: a registration whose listener or subject was collected is purged the next time
 * its owner's record is touched or checked, which saves a queue entry per registration.
 */
public class Registration extends WeakReference<Object> {
    private final WeakReference<Object> subject;
    private final int apiId;
    private final Site site;
    private final int seconds; // since the epoch; an int keeps the record at 48 bytes, and seconds are enough
    private final String thread;
    /**
     * The owner's field that held the subject when the owner registered on it from its own code (a parent
     * listening to its child), or {@code null}: such a registration is watched for a detached subject. A field
     * name costs no memory here: the record's padding has room for it (a {@link HandleRegistration}'s grows by 8 bytes).
     */
    private final String heldIn;

    /**
     * The scope (a test) the registering thread was in, or {@code null}. Set by the registering thread, forgotten by
     * a scope check, and read by scope checks and by scope ends on whichever test thread ends its scope: under
     * parallel JUnit, tests on other threads end their scopes while a check forgets this one's, so it is volatile.
     * Its default is {@code null}, so the constructor writes it only when there is a scope and a registration made
     * outside any (every one outside test runs) pays no fence.
     */
    private volatile String scope;

    /** {@code subject} is the subject's weak reference, shared by all of its registrations ({@link SubjectRefs}). */
    Registration(
            Object listener,
            WeakReference<Object> subject,
            int apiId,
            Site site,
            long timeMillis,
            String thread,
            String scope,
            String heldIn) {
        super(listener);
        this.heldIn = heldIn;
        this.subject = subject;
        this.apiId = apiId;
        this.site = site;
        this.seconds = (int) (timeMillis / 1000);
        this.thread = thread;
        if (scope != null) {
            this.scope = scope;
        }
    }

    /**
     * The handle the add method returned to undo this registration ({@code Disposable}, {@code AutoCloseable}),
     * or {@code null}: none, or collected.
     */
    public Object handle() {
        return null;
    }

    /** Whether the add returned a handle that was collected while the registration stays: nothing can undo it. */
    public boolean handleDropped() {
        return false;
    }

    /**
     * The subjects other than {@link #subject()} the add registered on inside its own call, in the order those calls
     * began, those not collected: what an operator chain's {@code subscribe} subscribed to on the way to its source, which the handle's
     * undo must let go of too. Empty for most.
     */
    public List<Object> innerSubjects() {
        return List.of();
    }

    /**
     * The owner's field that held the subject at registration, when the owner registered from its own code, or
     * {@code null}.
     */
    public String heldIn() {
        return heldIn;
    }

    /**
     * Whether this live registration is on {@code subject}, or was made through {@code apiId} from {@code site}: the
     * registrations a removal from {@code subject} of one made there leaves behind.
     */
    boolean leftBy(Object subject, int apiId, Site site) {
        Object s = subject();
        return s != null && get() != null && (s == subject || (this.apiId == apiId && this.site.equals(site)));
    }

    /** The scope (a test) that was running on the registering thread, or {@code null}. */
    public String scope() {
        return scope;
    }

    /**
     * Forgets the scope once a scope check has reported this registration: the check of an enclosing scope (the
     * test class after its methods) does not report it a second time. The JVM's report still has it.
     */
    public void scopeReported() {
        scope = null;
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

    /** When it was registered, epoch milliseconds, to the second. */
    public long timeMillis() {
        return seconds * 1000L;
    }

    /** Name of the thread that registered. */
    public String thread() {
        return thread;
    }
}
