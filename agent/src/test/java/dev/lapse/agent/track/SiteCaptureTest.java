package dev.lapse.agent.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.lapse.agent.instrument.ApiCatalog;
import dev.lapse.fixtures.Ends;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiteCaptureTest {
    @Test
    void a_call_site_walks_its_1st_4th_16th_and_so_on_registration_then_every_4096th() {
        List<Integer> walked = new ArrayList<>();
        for (int n = 1; n <= 3 * SiteCapture.RECHECK_EVERY; n++) {
            if (SiteCapture.sampled(n)) {
                walked.add(n);
            }
        }
        assertEquals(List.of(1, 4, 16, 64, 256, 1024, 4096, 8192, 12288), walked);
    }

    private final SiteCapture sites = new SiteCapture(new ApiCatalog());

    private static int line(Site site) {
        return site.frames().get(0).getLineNumber();
    }

    @Test
    void an_end_made_from_one_place_names_that_place_however_often_it_is_cached() {
        List<Integer> lines = new ArrayList<>();
        for (int i = 0; i < 2 * SiteCapture.STABLE_AFTER + 2; i++) {
            lines.add(line(Ends.atFirstLine(sites, 7)));
        }
        assertEquals(1, lines.stream().distinct().count(), lines.toString());
    }

    @Test
    void ends_made_from_two_places_name_each_their_own_once_they_disagree() {
        List<Integer> first = new ArrayList<>();
        List<Integer> second = new ArrayList<>();
        for (int i = 0; i < 2 * SiteCapture.STABLE_AFTER + 2; i++) {
            first.add(line(Ends.atFirstLine(sites, 7)));
            second.add(line(Ends.atSecondLine(sites, 7)));
        }
        assertEquals(1, first.stream().distinct().count(), first.toString());
        assertEquals(1, second.stream().distinct().count(), second.toString());
        assertNotEquals(first.get(0), second.get(0), "each end names its own line");
    }
}
