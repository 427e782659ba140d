package dev.lapse.demo;

import dev.lapse.demo.alerts.AlertBadge;
import dev.lapse.demo.bus.AuditTrail;
import dev.lapse.demo.bus.Mailer;
import dev.lapse.demo.bus.OrderPlaced;
import dev.lapse.demo.customers.CustomerCard;
import dev.lapse.demo.customers.CustomerEditor;
import dev.lapse.demo.customers.CustomerListView;
import dev.lapse.demo.dashboard.SalesTile;
import dev.lapse.demo.orders.OrderDraft;
import dev.lapse.demo.orders.OrderPanel;
import dev.lapse.demo.session.SessionMonitor;
import dev.lapse.demo.tasks.ErrorBanner;
import dev.lapse.demo.tasks.ProgressPanel;
import dev.lapse.demo.tasks.StatusChecker;
import dev.lapse.demo.tasks.TaskRunner.Outcome;
import java.io.PrintStream;

/**
 * A back-office workday: each round a user opens a workspace, works, and closes it. Each component closes but leaves
 * a listener or a task on a long-lived service, so every closed workspace stays in memory; {@code --fixed} applies
 * Lapse's fixes. The output is the same on every run, with or without the agent.
 */
public final class DemoApp {
    private static final String[] CUSTOMERS = {"Ada Lovelace", "Grace Hopper", "Alan Turing"};
    static final int ROUNDS = CUSTOMERS.length;
    /** Searches the user types per round. */
    static final int SEARCHES = 10;
    /** The running application's window, which lives as long as it does. */
    static Window window;

    private DemoApp() {}

    public static void main(String[] args) {
        boolean fixed = false;
        for (String arg : args) {
            if (arg.equals("--fixed")) {
                fixed = true;
            } else {
                System.err.println("usage: java -jar lapse-demo.jar [--fixed]");
                System.exit(2);
            }
        }
        window = run(Services.APPLICATION, fixed, System.out);
    }

    /** Runs the workday on {@code services}; prints two lines per round; returns the window, still open. */
    static Window run(Services services, boolean fixed, PrintStream out) {
        out.println("Lapse demo: " + ROUNDS + " workspaces opened and closed" + (fixed ? " (fixed)" : ""));
        Window window = new Window(services, fixed);
        for (int round = 1; round <= ROUNDS; round++) {
            workspace(services, window, round, fixed, out);
            int left = services.listenerCount();
            out.printf("round %d closed: %d listener%s left on the services%n", round, left, left == 1 ? "" : "s");
        }
        return window;
    }

    private static void workspace(Services services, Window window, int round, boolean fixed, PrintStream out) {
        ProgressPanel progress = new ProgressPanel(services.tasks, fixed);
        ErrorBanner banner = new ErrorBanner(services.tasks, fixed);
        StatusChecker checker = new StatusChecker(services.tasks, fixed);
        AuditTrail audit = new AuditTrail(services.bus, fixed);
        Mailer mailer = new Mailer(services.bus, fixed);
        CustomerEditor editor = new CustomerEditor(services.customer, fixed);
        CustomerListView list = new CustomerListView(services.customers, fixed);
        SessionMonitor session = new SessionMonitor(services.heartbeat, fixed);
        AlertBadge badge = new AlertBadge(services.alerts, fixed);
        CustomerCard card = new CustomerCard(services.customer, fixed);
        OrderPanel orders = new OrderPanel(fixed);
        SalesTile sales = new SalesTile(services.scheduler, services.shutdown, fixed);
        String customer = CUSTOMERS[round - 1];
        OrderDraft draft = services.drafts.open(customer);
        orders.show(services.drafts.open(customer + " (last week)"));
        orders.show(draft); // the user switches to today's draft
        draft.addItem();
        for (int i = 1; i <= SEARCHES; i++) {
            window.quickSearch.search(customer.substring(0, Math.min(i, customer.length())));
        }
        services.tasks.run("import-" + round, Outcome.COMPLETED);
        services.tasks.run("sync-" + round, Outcome.FAILED);
        services.tasks.run("report-" + round, Outcome.TIMED_OUT);
        services.bus.publish(new OrderPlaced(customer, 1000 * round));
        services.customer.setName(customer);
        services.customers.addElement(customer);
        services.heartbeat.beat();
        services.alerts.publish(customer + " ordered");

        out.printf(
                "round %d: %d tasks finished, banner '%s', %d timeout, %d audited, %d mailed, editor '%s',"
                        + " %d rows, heartbeat %d, %d alert, card '%s', order '%s', search '%s'%n",
                round,
                progress.finished(),
                banner.message(),
                checker.timeouts(),
                audit.entries(),
                mailer.sent(),
                editor.title(),
                list.rows(),
                session.lastBeat(),
                badge.count(),
                card.name(),
                orders.summary(),
                window.quickSearch.query());

        progress.dispose();
        banner.dispose();
        checker.close();
        audit.close();
        mailer.shutdown();
        editor.dispose();
        list.dispose();
        session.close();
        badge.close();
        card.unbind();
        orders.close();
        sales.close();
    }
}
