package dev.lapse.agent.report.model;

import java.util.List;

/** The origin of a merged report: the reports merged into it, in the order they were added. */
public record Merge(List<Source> sources) implements Origin {
    public Merge {
        sources = List.copyOf(sources);
    }
}
