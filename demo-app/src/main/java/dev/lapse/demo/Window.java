package dev.lapse.demo;

import dev.lapse.demo.alerts.StatusBar;
import dev.lapse.demo.search.QuickSearch;

/** The application's window: its status bar and search box live as long as it does. */
public final class Window implements AutoCloseable {
    final StatusBar statusBar;
    final QuickSearch quickSearch;

    Window(Services services, boolean fixed) {
        statusBar = new StatusBar(services.alerts, fixed);
        quickSearch = new QuickSearch(services.customers, fixed);
    }

    /** Closes the search box; the status bar's weak wrapper keeps nothing alive. */
    @Override
    public void close() {
        quickSearch.close();
    }
}
