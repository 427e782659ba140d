package dev.lapse.demo.tasks;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs back-office tasks one after the other and tells its listeners how each ended. Lives as long as the
 * application.
 */
public final class TaskRunner {
    /** How a task ends; the demo's tasks are scripted so the output is the same on every run. */
    public enum Outcome {
        COMPLETED,
        FAILED,
        TIMED_OUT
    }

    private final List<TaskListener> listeners = new CopyOnWriteArrayList<>();

    public void addTaskListener(TaskListener listener) {
        listeners.add(listener);
    }

    public void removeTaskListener(TaskListener listener) {
        listeners.remove(listener);
    }

    public int listenerCount() {
        return listeners.size();
    }

    /** Runs {@code task} to the given outcome and notifies every listener. */
    public void run(String task, Outcome outcome) {
        for (TaskListener l : listeners) {
            switch (outcome) {
                case COMPLETED -> l.completed(task);
                case FAILED -> l.failed(task, "connection refused");
                case TIMED_OUT -> l.timedOut(task);
                default -> throw new IllegalArgumentException(outcome.name());
            }
        }
    }
}
