package dev.lapse.agent.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The options' documentation, rendered from their descriptors ({@link AgentOptions#ALL}): the Markdown page
 * {@code docs/options.md}, which a test compares with this rendering so it cannot drift, and the plain text of
 * {@code java -jar lapse-agent.jar help options}.
 */
public final class OptionDocs {
    /** The command that writes {@code docs/options.md}, run from the repository's root after a build. */
    public static final String REGENERATE =
            "java -jar agent/target/lapse-agent.jar help options --markdown > docs/options.md";

    private static final String SYNTAX = "Options are `key=value` pairs separated by `,`, after"
            + " `-javaagent:lapse-agent.jar=` or `java -jar lapse-agent.jar attach <pid>`; the items of a list are"
            + " separated by `" + ValueType.LIST_SEPARATOR + "`. A duration is a whole number of milliseconds,"
            + " seconds or minutes: `500ms`, `10s`, `2m`.";
    private static final String ERRORS = "An unknown key, a bad value, a rules file that cannot be read and a"
            + " report directory that cannot be created are one line naming the problem, and the JVM exits with"
            + " status 1 before it runs anything. With `attach`, the command prints that line and exits with"
            + " status 1; the target JVM runs on without Lapse.";
    private static final String EXAMPLE =
            "java -javaagent:lapse-agent.jar=out=build/lapse,formats=json:html,lifecycle=teardown -jar app.jar";
    private static final int TEXT_WIDTH = 100;

    private OptionDocs() {}

    /** {@code docs/options.md}: a title, the syntax, and one table row per option. */
    public static String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("# Options\n\n");
        b.append("<!-- Generated from the option descriptors in AgentOptions.java; do not edit. Regenerate with\n");
        b.append("     ").append(REGENERATE).append(" -->\n\n");
        b.append(SYNTAX).append("\n\n");
        b.append("```\n").append(EXAMPLE).append("\n```\n\n");
        b.append(ERRORS).append("\n\n");
        b.append("| Option | Default | Values | What it does |\n");
        b.append("| --- | --- | --- | --- |\n");
        for (Option<?> o : AgentOptions.ALL) {
            b.append("| `")
                    .append(o.key())
                    .append("` | ")
                    .append(o.defaultText().isEmpty() ? "none" : "`" + o.defaultText() + "`")
                    .append(" | ")
                    .append(cell(o.type().values()))
                    .append(" | ")
                    .append(cell(o.description()))
                    .append(" |\n");
        }
        return b.toString();
    }

    /** The option list for a terminal: each key with its default, then its values and description, wrapped. */
    public static String text() {
        StringBuilder b = new StringBuilder();
        for (String line : wrap(SYNTAX, "")) {
            b.append(line).append('\n');
        }
        b.append("\nFor example:\n  ").append(EXAMPLE).append("\n\n");
        for (Option<?> o : AgentOptions.ALL) {
            b.append("  ")
                    .append(o.key())
                    .append('=')
                    .append(o.defaultText())
                    .append(o.defaultText().isEmpty() ? "  (default: none)" : "")
                    .append('\n');
            for (String line : wrap(o.description() + " Values: " + o.type().values() + ".", "      ")) {
                b.append(line).append('\n');
            }
        }
        return b.toString();
    }

    /** A table cell: a {@code |} would end it. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static List<String> wrap(String text, String indent) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > TEXT_WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
