package dev.lapse.agent.config;

import dev.lapse.agent.track.Signal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Known, intended registrations that are never reported: the built-in list (JDK and Swing machinery that
 * listens for the life of the JVM, each with its reason), the {@code suppress} option and a rules file.
 *
 * <p>A rules file has one rule per line; a {@code #} that begins a word starts a comment. A rule is {@code key=pattern} pairs
 * separated by spaces, all of which must match, and an optional {@code reason=} that takes the rest of the line:
 * <pre>
 * subject=com.acme.EventBus caller=com.acme.App#start reason=the application's own listeners live as long as it
 * </pre>
 * Keys: {@code signal}, {@code subject}, {@code listener}, {@code owner} (class names), {@code caller} (the
 * {@code Class#method} that called the add method) and {@code site} (any frame of the registration's stack).
 * Patterns use {@code *} and {@code ?}.
 */
public final class Suppressions {
    private static final String KNOWN = "known-registrations.rules";
    /** The keys a rule's patterns are given by. */
    static final List<String> KEYS = List.of("signal", "subject", "listener", "owner", "caller", "site");

    private final List<Rule> rules;

    private Suppressions(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * The built-in list, then one rule per {@code suppress} pattern (matching the owner, listener or subject
     * class), then the rules file's, if the options name one. The runtime calls this at start-up, so a bad rules
     * file stops the start before anything is instrumented.
     *
     * @throws OptionException naming the file, line and problem of a bad rule, or a file that cannot be read
     */
    public static Suppressions load(AgentOptions options) {
        List<Rule> rules = new ArrayList<>();
        try (InputStream in = Suppressions.class.getResourceAsStream(KNOWN)) {
            if (in == null) {
                throw new IllegalStateException("the agent jar lacks " + KNOWN);
            }
            read(new InputStreamReader(in, StandardCharsets.UTF_8), "built-in " + KNOWN, rules);
        } catch (IOException | BadRule e) {
            throw new IllegalStateException("cannot read the built-in " + KNOWN + ": " + e.getMessage(), e);
        }
        for (String pattern : options.suppress()) {
            rules.add(new Rule(
                    Map.of("class", Glob.compile(pattern)), "suppress=" + pattern, "option suppress=" + pattern));
        }
        Optional<Path> file = options.rules();
        if (file.isPresent()) {
            try (Reader in = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)) {
                read(in, file.get().toString(), rules);
            } catch (IOException e) {
                throw AgentOptions.RULES.problem(
                        "names " + file.get() + ", which cannot be read (" + IoProblem.describe(e) + ")");
            } catch (BadRule e) {
                throw AgentOptions.RULES.problem("names a file with a bad rule: " + e.getMessage());
            }
        }
        return new Suppressions(rules);
    }

    /** A rule that cannot be read; the message starts with where it is, {@code FILE:LINE}. */
    private static final class BadRule extends Exception {
        private static final long serialVersionUID = 1L;

        BadRule(String message) {
            super(message, null, false, false);
        }
    }

    private static void read(Reader reader, String origin, List<Rule> rules) throws IOException, BadRule {
        BufferedReader lines = new BufferedReader(reader);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            String text = stripComment(line).trim();
            if (!text.isEmpty()) {
                rules.add(parse(text, origin + ":" + number));
            }
        }
    }

    /**
     * The line before its comment: a {@code #} that begins a word ({@code Class#method} is a pattern), unless it is
     * inside a reason, which takes the rest of the line.
     */
    private static String stripComment(String line) {
        int reason = line.indexOf("reason=");
        for (int i = 0; i < line.length() && (reason < 0 || i < reason); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static Rule parse(String text, String where) throws BadRule {
        Map<String, Pattern> matchers = new LinkedHashMap<>();
        String reason = null;
        int reasonAt = text.indexOf("reason=");
        String patterns = text;
        if (reasonAt >= 0) {
            reason = text.substring(reasonAt + "reason=".length()).trim();
            patterns = text.substring(0, reasonAt);
        }
        for (String token : patterns.trim().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            int eq = token.indexOf('=');
            String key = eq < 0 ? token : token.substring(0, eq);
            if (eq <= 0 || !KEYS.contains(key)) {
                throw new BadRule(where + ": '" + token + "' is not key=pattern with a key of "
                        + String.join(", ", KEYS) + " (or reason=... at the end)");
            }
            String value = token.substring(eq + 1);
            if (value.isEmpty()) {
                throw new BadRule(where + ": '" + key + "' has no pattern");
            }
            Pattern pattern = Glob.compile(value);
            if (key.equals("signal") && !namesASignal(pattern)) {
                throw new BadRule(where + ": signal '" + value + "' matches no signal: one of " + Signal.names());
            }
            if (matchers.put(key, pattern) != null) {
                throw new BadRule(where + ": '" + key + "' is given twice");
            }
        }
        if (matchers.isEmpty()) {
            throw new BadRule(where + ": the rule matches nothing: give at least one of " + String.join(", ", KEYS));
        }
        return new Rule(matchers, reason == null || reason.isEmpty() ? text : reason, where);
    }

    /** Whether a rule's signal pattern matches the wire name of a signal, so a typo in it never passes silently. */
    private static boolean namesASignal(Pattern pattern) {
        for (Signal s : Signal.values()) {
            if (pattern.matcher(s.wireName()).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first rule that matches a finding, as {@code reason (origin)}, or {@code null}.
     *
     * @param site the registration's stack, innermost (the caller of the add method) first
     */
    public String match(
            Signal signal, String subjectClass, String listenerClass, String ownerClass, List<StackTraceElement> site) {
        for (Rule r : rules) {
            if (r.matches(signal, subjectClass, listenerClass, ownerClass, site)) {
                return r.reason + " (" + r.origin + ")";
            }
        }
        return null;
    }

    /** How many rules there are, the built-in ones included. */
    public int size() {
        return rules.size();
    }

    private static final class Rule {
        final Map<String, Pattern> matchers;
        final String reason;
        final String origin;

        Rule(Map<String, Pattern> matchers, String reason, String origin) {
            this.matchers = matchers;
            this.reason = reason;
            this.origin = origin;
        }

        boolean matches(Signal signal, String subject, String listener, String owner, List<StackTraceElement> site) {
            for (Map.Entry<String, Pattern> m : matchers.entrySet()) {
                Pattern p = m.getValue();
                boolean ok;
                switch (m.getKey()) {
                    case "class":
                        ok = p.matcher(owner).matches()
                                || p.matcher(listener).matches()
                                || p.matcher(subject).matches();
                        break;
                    case "signal":
                        ok = p.matcher(signal.wireName()).matches();
                        break;
                    case "subject":
                        ok = p.matcher(subject).matches();
                        break;
                    case "listener":
                        ok = p.matcher(listener).matches();
                        break;
                    case "owner":
                        ok = p.matcher(owner).matches();
                        break;
                    case "caller":
                        ok = !site.isEmpty() && p.matcher(frame(site.get(0))).matches();
                        break;
                    default: // site
                        ok = site.stream().anyMatch(f -> p.matcher(frame(f)).matches());
                        break;
                }
                if (!ok) {
                    return false;
                }
            }
            return true;
        }

        private static String frame(StackTraceElement f) {
            return f.getClassName() + "#" + f.getMethodName();
        }
    }
}
