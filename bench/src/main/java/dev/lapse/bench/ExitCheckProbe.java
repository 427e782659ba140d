package dev.lapse.bench;

import dev.lapse.bench.app.Model;
import dev.lapse.bench.app.View;
import java.lang.reflect.Method;

/**
 * The check and report with many findings: 100,000 views registered from 10 call sites on static subjects and
 * disposed, so 100,000 lapsed listeners in 10 groups. Times {@code Lapse.writeReport()}, the same check (full
 * collection, confirmation walk, grouping, writing) the agent runs at exit, by the wall clock, by the process's
 * CPU time and by its threads' CPU time split by kind (main, collector, compiler, other).
 */
public final class ExitCheckProbe {
    static final Model[] SUBJECTS = new Model[10];

    private ExitCheckProbe() {}

    public static void main(String[] args) throws ReflectiveOperationException {
        int count = Integer.parseInt(args[0]);
        for (int i = 0; i < SUBJECTS.length; i++) {
            SUBJECTS[i] = new Model();
        }
        for (int i = 0; i < count; i++) {
            View v = new View(x -> {});
            register(i % 10, v);
            v.dispose();
        }
        Method writeReport = Class.forName("dev.lapse.Lapse").getMethod("writeReport");
        long[] threadsBefore = ProcessCpu.byKind();
        long cpuBefore = ProcessCpu.millis();
        long start = System.nanoTime();
        Object dir = writeReport.invoke(null);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long cpu = ProcessCpu.millis() - cpuBefore;
        String split = ProcessCpu.split(threadsBefore, ProcessCpu.byKind());
        System.out.println("checkMillis=" + millis + " checkCpuMillis=" + (cpuBefore < 0 ? "-" : cpu) + " " + split
                + " report=" + dir);
    }

    /** Ten call sites, one per line: the site is part of a finding's signature, so ten groups. */
    private static void register(int site, View v) {
        switch (site) {
            case 0 -> SUBJECTS[0].addChangeListener(v.changeListener);
            case 1 -> SUBJECTS[1].addChangeListener(v.changeListener);
            case 2 -> SUBJECTS[2].addChangeListener(v.changeListener);
            case 3 -> SUBJECTS[3].addChangeListener(v.changeListener);
            case 4 -> SUBJECTS[4].addChangeListener(v.changeListener);
            case 5 -> SUBJECTS[5].addChangeListener(v.changeListener);
            case 6 -> SUBJECTS[6].addChangeListener(v.changeListener);
            case 7 -> SUBJECTS[7].addChangeListener(v.changeListener);
            case 8 -> SUBJECTS[8].addChangeListener(v.changeListener);
            default -> SUBJECTS[9].addChangeListener(v.changeListener);
        }
    }
}
