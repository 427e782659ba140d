package dev.lapse.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lapse.agent.config.OptionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupTest {
    @Test
    void the_report_directory_is_created_and_the_rules_loaded_at_start_up(@TempDir Path dir) throws IOException {
        Path rules = Files.writeString(dir.resolve("lapse.rules"), "subject=com.acme.Bus\n");
        Path out = dir.resolve("a/b/out");
        Startup s = Startup.check("out=" + out + ",rules=" + rules);
        assertTrue(Files.isDirectory(out));
        assertEquals(out, s.files().dir());
        assertTrue(s.suppressions().size() > 1, "the built-in rules and the file's");
    }

    @Test
    void an_out_directory_that_cannot_be_created_is_one_line_naming_the_option(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "");
        OptionException e = assertThrows(OptionException.class, () -> Startup.check("out=" + file.resolve("out")));
        assertEquals(
                "option 'out' names " + file.resolve("out") + ", which cannot be created or written ("
                        + file.resolve("out") + ": Not a directory)",
                e.getMessage());
    }

    @Test
    void a_bad_option_is_refused_before_the_rules_file_is_read_or_a_directory_made(@TempDir Path dir) {
        Path out = dir.resolve("out");
        OptionException e = assertThrows(
                OptionException.class, () -> Startup.check("out=" + out + ",rules=/no/such/file,gc=maybe"));
        assertTrue(e.getMessage().startsWith("option 'gc' has bad value 'maybe'"), e.getMessage());
        assertTrue(Files.notExists(out));
    }
}
