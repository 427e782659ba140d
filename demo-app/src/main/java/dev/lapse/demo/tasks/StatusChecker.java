package dev.lapse.demo.tasks;

/**
 * Watches for timeouts and closes itself when its job is done. It is its own listener (self-registration), and
 * its {@code close()} forgets that the runner still holds it.
 */
public final class StatusChecker implements TaskListener, AutoCloseable {
    private final TaskRunner runner;
    private final boolean fixed;
    private int timeouts;

    public StatusChecker(TaskRunner runner, boolean fixed) {
        this.runner = runner;
        this.fixed = fixed;
        runner.addTaskListener(this);
    }

    public int timeouts() {
        return timeouts;
    }

    @Override
    public void completed(String task) {
        // healthy
    }

    @Override
    public void failed(String task, String error) {
        // the error banner shows it
    }

    @Override
    public void timedOut(String task) {
        timeouts++;
    }

    @Override
    public void close() {
        if (fixed) {
            runner.removeTaskListener(this);
        }
    }
}
