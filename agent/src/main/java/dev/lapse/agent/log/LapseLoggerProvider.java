package dev.lapse.agent.log;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J binding inside the agent. SLF4J is relocated under the agent's prefix, so this provider is found
 * only by the agent's own copy, never by the application's; and it needs no system properties or resource
 * files that the application could see or clash with.
 */
public final class LapseLoggerProvider implements SLF4JServiceProvider {
    /** A class, not a constructor reference: the provider is created in premain, where a lambda would be spun. */
    private final ILoggerFactory factory = new ILoggerFactory() {
        @Override
        public Logger getLogger(String name) {
            return new LapseLogger(name);
        }
    };

    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // nothing to set up: loggers read the level from LapseLogger on every call
    }
}
