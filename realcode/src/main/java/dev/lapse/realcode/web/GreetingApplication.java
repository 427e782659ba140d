package dev.lapse.realcode.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A small Spring Boot web application, as a user writes one: a controller, a service that listens to the
 * framework's request events and ends with the container. How it ends is its first argument ({@link Ending}); the
 * rest go to Spring ({@code --server.port=0 --server.address=127.0.0.1}).
 */
@SpringBootApplication
public class GreetingApplication {

    public static void main(String[] args) throws IOException, InterruptedException {
        Ending ending = Ending.valueOf(args[0]);
        String[] springArgs = new String[args.length - 1];
        System.arraycopy(args, 1, springArgs, 0, springArgs.length);
        ConfigurableApplicationContext context = SpringApplication.run(GreetingApplication.class, springArgs);
        if (ending == Ending.WHEN_READY) {
            SpringApplication.exit(context);
            return;
        }
        // the driver says when, after it has been served: one line on standard input
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        in.readLine();
        ending.end(context);
    }
}
