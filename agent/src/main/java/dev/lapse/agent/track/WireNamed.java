package dev.lapse.agent.track;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A closed set of values that reports write by name (signals, owner relations, kinds of fix, chain roles): one
 * look-up by that name, one message for a name that is none of them, so each set does not carry its own copy.
 */
public interface WireNamed {
    /** The name reports write ({@code lifecycle-end}); may be {@code null} for a value reports leave unnamed. */
    String wireName();

    /**
     * The value of {@code type} with this wire name.
     *
     * @param what the set in words, for the message: {@code a signal}
     * @throws IllegalArgumentException {@code 'lifecycle' is not a signal: one of lifecycle-end, explicit, ...}
     */
    static <E extends Enum<E> & WireNamed> E named(Class<E> type, String wireName, String what) {
        for (E e : type.getEnumConstants()) {
            if (Objects.equals(e.wireName(), wireName)) {
                return e;
            }
        }
        throw new IllegalArgumentException("'" + wireName + "' is not " + what + ": one of " + names(type));
    }

    /** The wire names of {@code type}'s values, in declaration order: {@code lifecycle-end, explicit, ...}. */
    static <E extends Enum<E> & WireNamed> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(WireNamed::wireName)
                .filter(Objects::nonNull)
                .collect(Collectors.joining(", "));
    }
}
