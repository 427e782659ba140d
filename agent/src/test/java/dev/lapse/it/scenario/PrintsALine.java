package dev.lapse.it.scenario;

/** A program that registers nothing, the shape of a start-up measurement: it prints one line and exits. */
public final class PrintsALine {
    private PrintsALine() {}

    public static void main(String[] args) {
        System.out.println("a line");
    }
}
