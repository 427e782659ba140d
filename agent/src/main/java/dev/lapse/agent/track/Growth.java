package dev.lapse.agent.track;

/**
 * How an accumulation grew: the facts the report words ({@code 40 live registrations from one call site over 2 min,
 * 12 of them in the last 30 s}).
 *
 * @param count        live registrations from one call site on one subject
 * @param spanMillis   between the first of them and the last
 * @param recent       how many of them were made within the window before the check
 * @param windowMillis the accumulation window
 */
public record Growth(int count, long spanMillis, int recent, long windowMillis) {}
