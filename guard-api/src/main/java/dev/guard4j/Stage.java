package dev.guard4j;

/** Where in a call a filter runs: on the request, or on the answer. */
public enum Stage {
    /** Before the model: input validators. */
    INPUT,
    /** After the model: output checkers. */
    OUTPUT
}
