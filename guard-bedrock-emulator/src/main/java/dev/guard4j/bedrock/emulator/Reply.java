package dev.guard4j.bedrock.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the emulator answers to one request: a model answer, a guardrail answer, an error, a raw
 * (possibly malformed) body, or any of these after a delay.
 *
 * <pre>{@code
 * emulator.enqueueModel(Reply.text("Hello!"));
 * emulator.enqueueModel(Reply.throttling());
 * emulator.enqueueGuardrail(Reply.guardrailIntervened("Hi {EMAIL}", Assessments.pii("EMAIL", "a@b.c", "ANONYMIZED")));
 * }</pre>
 */
public sealed interface Reply permits Reply.Answer, Reply.GuardrailAnswer, Reply.Error, Reply.Raw, Reply.Delayed {

    /**
     * Returns a model answer made of one text block, stop reason {@code end_turn}.
     *
     * @param text the text
     * @return a model answer made of one text block, stop reason {@code end_turn}
     */
    static Answer text(String text) {
        return answer().text(text).build();
    }

    /**
     * Returns a builder for a model answer (Converse and ConverseStream).
     *
     * @return a builder for a model answer (Converse and ConverseStream)
     */
    static Answer.Builder answer() {
        return new Answer.Builder();
    }

    /**
     * Returns an ApplyGuardrail answer that lets the text through ({@code action: NONE}).
     *
     * @return an ApplyGuardrail answer that lets the text through ({@code action: NONE})
     */
    static GuardrailAnswer guardrailNone() {
        return new GuardrailAnswer("NONE", null, List.of(), List.of());
    }

    /**
     * Returns an ApplyGuardrail answer in which the guardrail intervened.
     *
     * @param outputText the guardrail's output text (the masked text, or the blocked message)
     * @param assessments the assessments, made with {@link Assessments}
     * @return the answer
     */
    static GuardrailAnswer guardrailIntervened(String outputText, JsonNode... assessments) {
        return new GuardrailAnswer("GUARDRAIL_INTERVENED", "Guardrail intervened.", List.of(outputText), List.of(assessments));
    }

    /**
     * Returns an error answer as Bedrock sends it: the status, an {@code x-amzn-ErrorType} header
     * and a JSON body {@code {"message": ...}}.
     *
     * @param status the HTTP status
     * @param errorType the error type, such as {@code ThrottlingException}
     * @param message the message
     * @return the answer
     */
    static Error error(int status, String errorType, String message) {
        return new Error(status, errorType, message);
    }

    /**
     * Returns a 429 {@code ThrottlingException}.
     *
     * @return a 429 {@code ThrottlingException}
     */
    static Error throttling() {
        return error(429, "ThrottlingException", "Too many requests, please wait before trying again.");
    }

    /**
     * Returns a 500 {@code InternalServerException}.
     *
     * @return a 500 {@code InternalServerException}
     */
    static Error internalError() {
        return error(500, "InternalServerException", "The server encountered an internal error.");
    }

    /**
     * Returns a raw answer: any status, content type and body (a malformed body, say).
     *
     * @param status the HTTP status
     * @param contentType the content type
     * @param body the body, sent as UTF-8
     * @return the answer
     */
    static Raw raw(int status, String contentType, String body) {
        return new Raw(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns the given answer after a delay, to make a slow service.
     *
     * @param delay how long the emulator waits before answering
     * @param reply the answer
     * @return the delayed answer
     */
    static Delayed delayed(Duration delay, Reply reply) {
        return new Delayed(delay, reply);
    }

    /**
     * A model answer: content blocks, stop reason, token usage and an optional guardrail trace.
     *
     * @param blocks the content blocks in order
     * @param stopReason the stop reason as Bedrock spells it ({@code end_turn}, {@code tool_use}, ...)
     * @param inputTokens the input token count
     * @param outputTokens the output token count
     * @param guardrailTrace the {@code trace.guardrail} object, or {@code null}; see {@link Assessments#trace}
     * @param streamChunkSize how many characters each streamed text delta carries
     * @param streamEnding how a streamed answer ends after its content blocks
     */
    record Answer(List<Block> blocks, String stopReason, int inputTokens, int outputTokens, JsonNode guardrailTrace,
            int streamChunkSize, StreamEnding streamEnding) implements Reply {

        /**
         * Checks the answer and copies the blocks.
         *
         * @param blocks the content blocks in order
         * @param stopReason the stop reason as Bedrock spells it ({@code end_turn}, {@code tool_use}, ...)
         * @param inputTokens the input token count
         * @param outputTokens the output token count
         * @param guardrailTrace the {@code trace.guardrail} object, or {@code null}; see {@link Assessments#trace}
         * @param streamChunkSize how many characters each streamed text delta carries
         * @param streamEnding how a streamed answer ends after its content blocks
         */
        public Answer {
            blocks = List.copyOf(blocks);
            Objects.requireNonNull(stopReason, "stopReason");
            if (streamChunkSize < 1) {
                throw new IllegalArgumentException("streamChunkSize must be >= 1, was " + streamChunkSize);
            }
            Objects.requireNonNull(streamEnding, "streamEnding");
        }

        /** How a streamed answer ends after its content blocks. */
        public sealed interface StreamEnding permits Normally, WithException, Abruptly {
        }

        /** With {@code messageStop} and {@code metadata} events, as Bedrock does. */
        public record Normally() implements StreamEnding {
        }

        /**
         * With an exception event ({@code :message-type: exception}) instead of {@code messageStop}.
         *
         * @param exceptionType the event's {@code :exception-type}, such as {@code throttlingException}
         *        or {@code modelStreamErrorException}
         * @param message the message in its JSON payload
         */
        public record WithException(String exceptionType, String message) implements StreamEnding {
        }

        /** Without {@code messageStop} nor {@code metadata}: the connection just ends. */
        public record Abruptly() implements StreamEnding {
        }

        /** One content block of a model answer. */
        public sealed interface Block permits TextBlock, ToolUseBlock {
        }

        /**
         * A text block.
         *
         * @param text the text
         */
        public record TextBlock(String text) implements Block {
        }

        /**
         * A tool use block.
         *
         * @param toolUseId the id the tool result must quote
         * @param name the tool's name
         * @param inputJson the tool's input, a JSON object
         */
        public record ToolUseBlock(String toolUseId, String name, String inputJson) implements Block {
        }

        /** Builds an {@link Answer}. */
        public static final class Builder {
            private final List<Block> blocks = new ArrayList<>();
            private String stopReason;
            private int inputTokens = 10;
            private int outputTokens = 5;
            private JsonNode guardrailTrace;
            private int streamChunkSize = 8;
            private StreamEnding streamEnding = new Normally();

            private Builder() {
            }

            /**
             * Adds a text block.
             *
             * @param text the text
             * @return this builder
             */
            public Builder text(String text) {
                blocks.add(new TextBlock(Objects.requireNonNull(text, "text")));
                return this;
            }

            /**
             * Adds a tool use block; the stop reason becomes {@code tool_use} unless set.
             *
             * @param toolUseId the id the tool result must quote
             * @param name the tool's name
             * @param inputJson the tool's input, a JSON object
             * @return this builder
             */
            public Builder toolUse(String toolUseId, String name, String inputJson) {
                blocks.add(new ToolUseBlock(toolUseId, name, inputJson));
                return this;
            }

            /**
             * Sets the stop reason as Bedrock spells it; default {@code end_turn}, or {@code tool_use} with tool uses.
             *
             * @param stopReason the stop reason as Bedrock spells it ({@code end_turn}, {@code tool_use}, ...)
             * @return this builder
             */
            public Builder stopReason(String stopReason) {
                this.stopReason = stopReason;
                return this;
            }

            /**
             * Sets the token usage.
             *
             * @param inputTokens the input token count
             * @param outputTokens the output token count
             * @return this builder
             */
            public Builder usage(int inputTokens, int outputTokens) {
                this.inputTokens = inputTokens;
                this.outputTokens = outputTokens;
                return this;
            }

            /**
             * Sets the {@code trace.guardrail} object; see {@link Assessments#trace}.
             *
             * @param trace the trace
             * @return this builder
             */
            public Builder guardrailTrace(JsonNode trace) {
                this.guardrailTrace = trace;
                return this;
            }

            /**
             * Sets how many characters each streamed text delta carries; default 8.
             *
             * @param streamChunkSize how many characters each streamed text delta carries
             * @return this builder
             */
            public Builder streamChunkSize(int streamChunkSize) {
                this.streamChunkSize = streamChunkSize;
                return this;
            }

            /**
             * Ends a streamed answer with an exception event after its content, such as {@code throttlingException}.
             *
             * @param exceptionType the event's {@code :exception-type}, such as {@code throttlingException}
             * @param message the message in the JSON body
             * @return the result
             */
            public Builder streamException(String exceptionType, String message) {
                this.streamEnding = new WithException(exceptionType, message);
                return this;
            }

            /**
             * Ends a streamed answer after its content without {@code messageStop} nor {@code metadata}.
             *
             * @return the result
             */
            public Builder streamEndsAbruptly() {
                this.streamEnding = new Abruptly();
                return this;
            }

            /**
             * Returns the answer.
             *
             * @return the answer
             */
            public Answer build() {
                String reason = stopReason;
                if (reason == null) {
                    reason = blocks.stream().anyMatch(b -> b instanceof ToolUseBlock) ? "tool_use" : "end_turn";
                }
                return new Answer(blocks, reason, inputTokens, outputTokens, guardrailTrace, streamChunkSize, streamEnding);
            }
        }
    }

    /**
     * An ApplyGuardrail answer.
     *
     * @param action {@code NONE} or {@code GUARDRAIL_INTERVENED} (any string, to test unknown actions)
     * @param actionReason the reason, or {@code null}
     * @param outputs the output texts
     * @param assessments the assessments
     */
    record GuardrailAnswer(String action, String actionReason, List<String> outputs, List<JsonNode> assessments)
            implements Reply {

        /**
         * Copies the lists.
         *
         * @param action {@code NONE} or {@code GUARDRAIL_INTERVENED} (any string, to test unknown actions)
         * @param actionReason the reason, or {@code null}
         * @param outputs the output texts
         * @param assessments the assessments
         */
        public GuardrailAnswer {
            Objects.requireNonNull(action, "action");
            outputs = List.copyOf(outputs);
            assessments = List.copyOf(assessments);
        }
    }

    /**
     * An error answer.
     *
     * @param status the HTTP status
     * @param errorType the {@code x-amzn-ErrorType}
     * @param message the message in the JSON body
     */
    record Error(int status, String errorType, String message) implements Reply {
    }

    /**
     * A raw answer.
     *
     * @param status the HTTP status
     * @param contentType the content type
     * @param body the body bytes
     */
    record Raw(int status, String contentType, byte[] body) implements Reply {
        /**
         * Copies the body.
         *
         * @param status the HTTP status
         * @param contentType the content type
         * @param body the body bytes
         */
        public Raw {
            body = body.clone();
        }

        /**
         * Returns a copy of the body bytes.
         *
         * @return the body bytes
         */
        @Override
        public byte[] body() {
            return body.clone();
        }
    }

    /**
     * An answer sent after a delay.
     *
     * @param delay the delay
     * @param reply the answer
     */
    record Delayed(Duration delay, Reply reply) implements Reply {
        /**
         * Checks the parts.
         *
         * @param delay the delay
         * @param reply the answer
         */
        public Delayed {
            Objects.requireNonNull(delay, "delay");
            Objects.requireNonNull(reply, "reply");
        }
    }
}
