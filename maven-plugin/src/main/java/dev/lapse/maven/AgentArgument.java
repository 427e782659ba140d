package dev.lapse.maven;

import java.nio.file.Path;

/**
 * The {@code -javaagent:} argument for a JVM's command line, quoted when the path or the options hold spaces, the
 * way Surefire and Failsafe split their {@code argLine}.
 */
record AgentArgument(Path jar, String options) {

    /** The argument as it goes on the command line. */
    String commandLine() {
        String argument = "-javaagent:" + jar + (options.isEmpty() ? "" : "=" + options);
        if (argument.indexOf('"') >= 0) {
            // Surefire's argLine has no escape for a quote inside a quoted argument
            throw new IllegalArgumentException("cannot put a '\"' on the command line: " + argument);
        }
        return argument.chars().anyMatch(Character::isWhitespace) ? '"' + argument + '"' : argument;
    }

    /** {@code existing} with this argument after it: other agents (JaCoCo's) and JVM options stay as they were. */
    String appendTo(String existing) {
        return existing == null || existing.isBlank() ? commandLine() : existing.strip() + " " + commandLine();
    }
}
