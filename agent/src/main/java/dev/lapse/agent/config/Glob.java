package dev.lapse.agent.config;

import java.util.regex.Pattern;

/** Name patterns of options and rules: {@code *} matches any run of characters, {@code ?} any one character. */
public final class Glob {
    private Glob() {}

    /** The pattern for {@code glob}; every other character stands for itself. */
    public static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
