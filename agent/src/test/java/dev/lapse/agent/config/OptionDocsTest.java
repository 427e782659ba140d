package dev.lapse.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class OptionDocsTest {
    /** The module's directory is the tests' working directory; the page is in the repository's docs/. */
    private static final Path PAGE = Paths.get("..", "docs", "options.md");

    @Test
    void docs_options_md_is_the_rendering_of_the_descriptors() throws IOException {
        String rendered = OptionDocs.markdown();
        // written next to the build output too, so a failing run leaves the page to copy
        Path fresh = Paths.get("target", "options.md");
        Files.createDirectories(fresh.getParent());
        Files.writeString(fresh, rendered, StandardCharsets.UTF_8);
        String committed = Files.isRegularFile(PAGE) ? Files.readString(PAGE, StandardCharsets.UTF_8) : "";
        assertEquals(
                rendered,
                committed,
                "docs/options.md differs from the option descriptors in AgentOptions.java. Regenerate it from the"
                        + " repository's root: cp agent/target/options.md docs/options.md (written by this test),"
                        + " or after a build: " + OptionDocs.REGENERATE);
    }

    @Test
    void the_table_has_one_row_per_option_with_its_default_and_values() {
        String page = OptionDocs.markdown();
        for (Option<?> o : AgentOptions.ALL) {
            assertTrue(page.contains("\n| `" + o.key() + "` | "), o.key());
        }
        assertTrue(page.contains("\n| `maxTracked` | `500000` | a whole number above 0 | Most registrations"), page);
        assertTrue(page.contains("\n| `rules` | none | a file | A rules file"), page);
        assertTrue(
                page.contains("\n| `formats` | `json:txt` | one of json, txt, html, sarif, several separated by `:` |"),
                page);
    }

    @Test
    void the_terminal_list_names_every_key_with_its_default_in_lines_that_fit() {
        String text = OptionDocs.text();
        for (Option<?> o : AgentOptions.ALL) {
            assertTrue(text.contains("\n  " + o.key() + "=" + o.defaultText()), o.key());
        }
        assertTrue(text.contains("\n  exitTimeout=10s\n      Time limit for the check"), text);
        text.lines().forEach(line -> assertTrue(line.length() <= 100, line));
    }
}
