package dev.lapse.demo;

import dev.lapse.demo.alerts.AlertFeed;
import dev.lapse.demo.bus.EventBus;
import dev.lapse.demo.customers.CustomerModel;
import dev.lapse.demo.orders.DraftStore;
import dev.lapse.demo.session.Heartbeat;
import dev.lapse.demo.tasks.TaskRunner;
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

    /** Listeners currently registered on all services together. */
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
