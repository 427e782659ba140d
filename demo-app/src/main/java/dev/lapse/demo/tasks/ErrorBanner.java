package dev.lapse.demo.tasks;

/** Shows the last task error. Registers an anonymous listener, the most common shape of all. */
public final class ErrorBanner {
    private final TaskRunner runner;
    private final TaskListener listener;
    private String message = "";

    public ErrorBanner(TaskRunner runner, boolean fixed) {
        this.runner = runner;
        TaskListener l = new TaskListener() {
            @Override
            public void completed(String task) {
                // nothing to show
            }

            @Override
            public void failed(String task, String error) {
                message = task + ": " + error;
            }

            @Override
            public void timedOut(String task) {
                message = task + ": timed out";
            }
        };
        runner.addTaskListener(l);
        // The fix: keep the instance that was registered, so dispose() can remove exactly that one.
        this.listener = fixed ? l : null;
    }

    public String message() {
        return message;
    }

    public void dispose() {
        if (listener != null) {
            runner.removeTaskListener(listener);
        }
    }
}
