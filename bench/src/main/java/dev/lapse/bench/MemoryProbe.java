package dev.lapse.bench;

import dev.lapse.bench.app.Model;
import dev.lapse.bench.app.View;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Registrations that stay: N owners, each with one listener registered on one of 1,000 subjects, all alive.
 * Prints the heap used after full collections; the agent-on minus agent-off difference divided by N is what
 * Lapse keeps per live tracked registration.
 */
public final class MemoryProbe {
    private MemoryProbe() {}

    public static void main(String[] args) {
        int count = Integer.parseInt(args[0]);
        Model[] subjects = new Model[1000];
        for (int i = 0; i < subjects.length; i++) {
            subjects[i] = new Model();
        }
        View[] owners = new View[count];
        for (int i = 0; i < count; i++) {
            owners[i] = new View(v -> {});
            subjects[i % subjects.length].addChangeListener(owners[i].changeListener);
        }
        System.out.println("heapBytes=" + settledHeap());
        java.lang.ref.Reference.reachabilityFence(owners);
        java.lang.ref.Reference.reachabilityFence(subjects);
    }

    /** Heap in use after full collections stop changing it. */
    static long settledHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            long used = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(last - used) < 64 * 1024) {
                return used;
            }
            last = used;
        }
        return last;
    }
}
