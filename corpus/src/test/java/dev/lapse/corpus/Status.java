package dev.lapse.corpus;

/** What Lapse reports today on a case's affected version; the test asserts it exactly, so it is a ratchet. */
enum Status {
    /** Reported, with the expected owner class, signal and fix kind, and nothing else. */
    FOUND,
    /** Nothing reported: the day detection finds it, the test fails and the manifest must say FOUND. */
    MISSED
}
