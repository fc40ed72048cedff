package dev.guard4j;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.Objects;
import java.util.Optional;

/**
 * One piece of text under inspection, with where it came from and the call it belongs to.
 *
 * <p>The guard makes one {@code Content} per inspected piece: each user message, each tool
 * result, the model's answer and each tool call's arguments. Filters used on their own (in a
 * scan, in a test) can make one with {@link #of(String, Source)}.
 */
public final class Content {

    /** Where a piece of text came from. */
    public enum Source {
        /** A message from the end user: untrusted. */
        USER,
        /** The system prompt: trusted unless the guard is told to inspect it. */
        SYSTEM,
        /** The result of a tool call or a retrieved document: untrusted (indirect injection). */
        TOOL_RESULT,
        /** Text written by the model. */
        MODEL,
        /** The arguments of a tool call the model asks for. */
        TOOL_CALL
    }

    private final String text;
    private final Source source;
    private final int messageIndex;
    private final String toolName;
    private final ChatRequest request;
    private final ChatResponse response;
    private final CallContext context;
    private final CallState state;

    private Content(Builder builder) {
        this.text = Objects.requireNonNull(builder.text, "text");
        this.source = Objects.requireNonNull(builder.source, "source");
        this.messageIndex = builder.messageIndex;
        this.toolName = builder.toolName;
        this.request = builder.request;
        this.response = builder.response;
        this.context = builder.context != null ? builder.context : CallContext.empty();
        this.state = builder.state != null ? builder.state : new CallState();
    }

    /**
     * Returns content that belongs to no model call, for using a filter on its own.
     *
     * @param text the text to inspect
     * @param source where it came from
     * @return the content, with an empty call context and fresh call state
     */
    public static Content of(String text, Source source) {
        return builder(text, source).build();
    }

    /**
     * Returns a builder for content with the given text and source.
     *
     * @param text the text to inspect
     * @param source where it came from
     * @return a builder
     */
    public static Builder builder(String text, Source source) {
        return new Builder(text, source);
    }

    /**
     * Returns a builder that starts from this content.
     *
     * @return a builder that starts from this content
     */
    public Builder toBuilder() {
        return new Builder(text, source)
                .messageIndex(messageIndex)
                .toolName(toolName)
                .request(request)
                .response(response)
                .context(context)
                .state(state);
    }

    /**
     * Returns this content with other text, everything else the same.
     *
     * @param newText the text
     * @return the new content
     */
    public Content withText(String newText) {
        return toBuilder().text(newText).build();
    }

    /**
     * Returns the text under inspection.
     *
     * @return the text under inspection
     */
    public String text() {
        return text;
    }

    /**
     * Returns where the text came from.
     *
     * @return where the text came from
     */
    public Source source() {
        return source;
    }

    /**
     * Returns the index of the message in the request it came from, or -1 for output and standalone content.
     *
     * @return the index of the message in the request it came from, or -1 for output and standalone content
     */
    public int messageIndex() {
        return messageIndex;
    }

    /**
     * Returns the tool's name, for {@code TOOL_RESULT} and {@code TOOL_CALL} content.
     *
     * @return the tool's name, for {@code TOOL_RESULT} and {@code TOOL_CALL} content
     */
    public Optional<String> toolName() {
        return Optional.ofNullable(toolName);
    }

    /**
     * Returns the request this text belongs to (for output, the request as the model received it).
     *
     * @return the request this text belongs to (for output, the request as the model received it)
     */
    public Optional<ChatRequest> request() {
        return Optional.ofNullable(request);
    }

    /**
     * Returns the model's response, for output content.
     *
     * @return the model's response, for output content
     */
    public Optional<ChatResponse> response() {
        return Optional.ofNullable(response);
    }

    /**
     * Returns the caller's context: call id, principal and attributes.
     *
     * @return the caller's context: call id, principal and attributes
     */
    public CallContext context() {
        return context;
    }

    /**
     * Returns the per-call state that filters share within one call (a pseudonymisation vault,
     * say). It never reaches logs or audit events.
      *
      * @return the per-call state that filters share within one call (a pseudonymisation vault, say)
     */
    public CallState state() {
        return state;
    }

    @Override
    public String toString() {
        // the text stays out of toString: it may be exactly what the guard exists to keep out of logs
        return "Content[source=" + source + ", length=" + text.length() + ", messageIndex=" + messageIndex
                + ", callId=" + context.callId() + "]";
    }

    /** Builds {@link Content}. */
    public static final class Builder {
        private String text;
        private Source source;
        private int messageIndex = -1;
        private String toolName;
        private ChatRequest request;
        private ChatResponse response;
        private CallContext context;
        private CallState state;

        private Builder(String text, Source source) {
            this.text = text;
            this.source = source;
        }

        /**
         * Sets the text.
         *
         * @param text the text to inspect
         * @return this builder
         */
        public Builder text(String text) {
            this.text = text;
            return this;
        }

        /**
         * Sets the source.
         *
         * @param source where it came from
         * @return this builder
         */
        public Builder source(Source source) {
            this.source = source;
            return this;
        }

        /**
         * Sets the index of the message in its request, or -1.
         *
         * @param messageIndex the message index
         * @return this builder
         */
        public Builder messageIndex(int messageIndex) {
            if (messageIndex < -1) {
                throw new IllegalArgumentException("messageIndex must be >= -1, was " + messageIndex);
            }
            this.messageIndex = messageIndex;
            return this;
        }

        /**
         * Sets the tool's name, or {@code null}.
         *
         * @param toolName the tool name
         * @return this builder
         */
        public Builder toolName(String toolName) {
            this.toolName = toolName;
            return this;
        }

        /**
         * Sets the request, or {@code null}.
         *
         * @param request the request
         * @return this builder
         */
        public Builder request(ChatRequest request) {
            this.request = request;
            return this;
        }

        /**
         * Sets the response, or {@code null}.
         *
         * @param response the response
         * @return this builder
         */
        public Builder response(ChatResponse response) {
            this.response = response;
            return this;
        }

        /**
         * Sets the call context; an empty context when {@code null}.
         *
         * @param context the context
         * @return this builder
         */
        public Builder context(CallContext context) {
            this.context = context;
            return this;
        }

        /**
         * Sets the per-call state; fresh state when {@code null}.
         *
         * @param state the state
         * @return this builder
         */
        public Builder state(CallState state) {
            this.state = state;
            return this;
        }

        /**
         * Returns the content.
         *
         * @return the content
         */
        public Content build() {
            return new Content(this);
        }
    }
}
