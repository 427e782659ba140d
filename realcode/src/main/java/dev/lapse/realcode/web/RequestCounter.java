package dev.lapse.realcode.web;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Service;
import org.springframework.web.context.support.ServletRequestHandledEvent;

/**
 * Counts the requests served, from the events the framework publishes, and says so when the container destroys it:
 * a listener registered by the container for the container's whole life.
 */
@Service
class RequestCounter implements ApplicationListener<ServletRequestHandledEvent> {
    private final AtomicInteger handled = new AtomicInteger();

    @Override
    public void onApplicationEvent(ServletRequestHandledEvent event) {
        handled.incrementAndGet();
    }

    int handled() {
        return handled.get();
    }

    @PreDestroy
    void report() {
        System.out.println("requests handled: " + handled.get());
    }
}
