package dev.lapse.realcode.web;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Says when the application is ready and on which port: a line on standard output for the driver, the wall-clock
 * time on standard error for the start-up bench ({@code readyMillis=}, as the bench's probe prints
 * {@code mainEnteredMillis=}).
 */
@Component
class ReadyLine implements ApplicationListener<ApplicationReadyEvent> {
    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        System.err.println("readyMillis=" + System.currentTimeMillis());
        int port = ((ServletWebServerApplicationContext) event.getApplicationContext())
                .getWebServer()
                .getPort();
        System.out.println("ready port=" + port);
        System.out.flush();
    }
}
