package dev.lapse.realcode.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class GreetingController {
    private final RequestCounter counter;

    GreetingController(RequestCounter counter) {
        this.counter = counter;
    }

    @GetMapping("/hello")
    String hello() {
        return "hello #" + (counter.handled() + 1);
    }
}
