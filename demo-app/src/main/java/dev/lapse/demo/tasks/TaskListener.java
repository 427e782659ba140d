package dev.lapse.demo.tasks;

/** Told how each task run ended. */
public interface TaskListener {
    void completed(String task);

    void failed(String task, String error);

    void timedOut(String task);
}
