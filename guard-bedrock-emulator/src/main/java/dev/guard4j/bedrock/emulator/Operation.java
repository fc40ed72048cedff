package dev.guard4j.bedrock.emulator;

/** The Bedrock runtime operations the emulator answers. */
public enum Operation {
    /** {@code POST /model/{modelId}/converse}. */
    CONVERSE,
    /** {@code POST /model/{modelId}/converse-stream}, answered in AWS event-stream framing. */
    CONVERSE_STREAM,
    /** {@code POST /guardrail/{id}/version/{version}/apply}. */
    APPLY_GUARDRAIL
}
