package dev.lapse.demo;

import dev.lapse.demo.alerts.AlertFeed;
import dev.lapse.demo.bus.EventBus;
import dev.lapse.demo.customers.CustomerModel;
import dev.lapse.demo.orders.DraftStore;
import dev.lapse.demo.session.Heartbeat;
import dev.lapse.demo.tasks.TaskRunner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import javax.swing.DefaultListModel;

/** The application's long-lived services. */
public final class Services {
    /** The running application's services, held in a static field the way many applications hold them. */
    public static final Services APPLICATION = new Services();

    public final TaskRunner tasks = new TaskRunner();
    public final EventBus bus = new EventBus();
    public final CustomerModel customer = new CustomerModel();
    public final DefaultListModel<String> customers = new DefaultListModel<>();
    public final Heartbeat heartbeat = new Heartbeat();
    public final AlertFeed alerts = new AlertFeed();
    public final DraftStore drafts = new DraftStore();
    /** The application's shared scheduler; its thread is a daemon, so the demo ends when its workday does. */
    public final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, task -> {
        Thread t = new Thread(task, "demo-scheduler");
        t.setDaemon(true);
        return t;
    });
    /** Completes when the application shuts down, which the demo never does. */
    public final CompletableFuture<Void> shutdown = new CompletableFuture<>();

    public Services() {
        scheduler.setRemoveOnCancelPolicy(true); // a cancelled task leaves the queue at once
    }

    /** Listeners currently registered on all services together (tasks and future actions are not listeners). */
    public int listenerCount() {
        return tasks.listenerCount()
                + bus.handlerCount()
                + customer.listenerCount()
                + customers.getListDataListeners().length
                + heartbeat.listenerCount()
                + alerts.listenerCount()
                + drafts.listenerCount();
    }
}
