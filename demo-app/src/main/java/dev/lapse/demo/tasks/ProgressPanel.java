package dev.lapse.demo.tasks;

/**
 * Shows how many tasks finished while it is open. Its listener is a named inner class, so the listener holds
 * the panel through {@code this$0}: while the runner holds the listener, it holds the whole panel.
 */
public final class ProgressPanel {
    private final TaskRunner runner;
    private final ProgressHandler handler = new ProgressHandler();
    private final boolean fixed;

    @SuppressWarnings("unused") // what a real panel holds on to, and a leak keeps alive with it
    private final byte[] chart = new byte[64 * 1024];

    private int finished;

    public ProgressPanel(TaskRunner runner, boolean fixed) {
        this.runner = runner;
        this.fixed = fixed;
        runner.addTaskListener(handler);
    }

    public int finished() {
        return finished;
    }

    public void dispose() {
        if (fixed) {
            runner.removeTaskListener(handler);
        }
    }

    private final class ProgressHandler implements TaskListener {
        @Override
        public void completed(String task) {
            finished++;
        }

        @Override
        public void failed(String task, String error) {
            finished++;
        }

        @Override
        public void timedOut(String task) {
            finished++;
        }
    }
}
