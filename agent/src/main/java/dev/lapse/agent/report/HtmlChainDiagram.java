package dev.lapse.agent.report;

import static dev.lapse.agent.report.HtmlReportWriter.esc;

import dev.lapse.agent.report.model.ChainStep;
import dev.lapse.agent.report.model.Group;
import java.util.List;

/**
 * A group's chain in the HTML report: an SVG of boxes from the subject down to the owner, one per object, each
 * arrow labelled with the field that holds the next; the listener and the owner marked.
 */
final class HtmlChainDiagram {
    private static final int NODE_WIDTH = 430;
    private static final int NODE_HEIGHT = 38;
    private static final int HOP = 70;
    private static final int MAX_LABEL = 56;

    private HtmlChainDiagram() {}

    /** The chain as boxes from the subject down to the owner, each arrow labelled with the field that holds. */
    static void draw(StringBuilder b, Group g) {
        List<ChainStep> chain = g.chain();
        int height = NODE_HEIGHT + chain.size() * HOP + 2;
        int width = NODE_WIDTH + 2;
        b.append("<svg class=\"chain\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-label=\"reference chain from subject to owner\">")
                .append("<defs><marker id=\"arrow")
                .append(esc(g.signature()))
                .append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\""
                        + " orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker>"
                        + "</defs>");
        String subject = g.subject().className() == null ? "?" : g.subject().className();
        node(b, 0, "subject", subject, Names.source(subject) + (g.subject().isStatic() ? " (static)" : ""), "subject");
        int y = 0;
        for (ChainStep s : chain) {
            int top = y + NODE_HEIGHT;
            y += HOP;
            String field = s.step().field() == null ? "?" : s.step().field();
            b.append("<line x1=\"40\" y1=\"")
                    .append(top + 1)
                    .append("\" x2=\"40\" y2=\"")
                    .append(y - 2)
                    .append("\" stroke=\"#555\" stroke-width=\"1.5\" marker-end=\"url(#arrow")
                    .append(esc(g.signature()))
                    .append(")\"/>")
                    .append("<text class=\"field\" x=\"52\" y=\"")
                    .append(top + (HOP - NODE_HEIGHT) / 2 + 5)
                    .append("\">")
                    .append(esc(field.startsWith("[") ? field : "." + field))
                    .append("</text>");
            String to = s.step().to() == null ? "?" : s.step().to();
            String description =
                    g.endOfLife().description() == null ? "" : g.endOfLife().description();
            String role = switch (s.role()) {
                case HOP -> "";
                case OWNER -> "owner, " + description;
                case LISTENER, COLLECTED -> s.role().wireName();
            };
            node(b, y, s.role() == ChainStep.Role.HOP ? "hop" : s.role().wireName(), to, Names.source(to), role);
        }
        b.append("</svg>");
    }

    private static void node(StringBuilder b, int y, String kind, String className, String label, String role) {
        String shown = label.length() > MAX_LABEL ? label.substring(0, MAX_LABEL - 1) + "…" : label;
        b.append("<g class=\"node ")
                .append(kind)
                .append("\"><title>")
                .append(esc(className))
                .append("</title>")
                .append("<rect x=\"1\" y=\"")
                .append(y + 1)
                .append("\" width=\"")
                .append(NODE_WIDTH)
                .append("\" height=\"")
                .append(NODE_HEIGHT)
                .append("\" rx=\"6\"/>")
                .append("<text x=\"12\" y=\"")
                .append(y + (role.isEmpty() ? 24 : 17))
                .append("\">")
                .append(esc(shown))
                .append("</text>");
        if (!role.isEmpty()) {
            String shownRole = role.length() > MAX_LABEL + 10 ? role.substring(0, MAX_LABEL + 9) + "…" : role;
            b.append("<text class=\"role\" x=\"12\" y=\"")
                    .append(y + 32)
                    .append("\">")
                    .append(esc(shownRole))
                    .append("</text>");
        }
        b.append("</g>");
    }
}
