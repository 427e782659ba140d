package dev.lapse.agent.track;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
