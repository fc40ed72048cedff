package dev.guard4j.bedrock;

import dev.guard4j.CallContext;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStopEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStopEvent;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;

/**
 * Amazon Bedrock's ConverseStream API as a LangChain4j {@link StreamingChatModel}, with an optional
 * Bedrock guardrail.
 *
 * <p>Text deltas reach {@code onPartialResponse} as they arrive; tool calls reach
 * {@code onCompleteToolCall} when their block ends. The guardrail is applied as in
 * {@link BedrockChatModel}: only the latest user turn is {@code guardContent}, and a block ends
 * the stream with {@code onError(GuardBlockedException)}.
 *
 * <p>Warning: with {@link software.amazon.awssdk.services.bedrockruntime.model.GuardrailStreamProcessingMode#ASYNC}
 * the text reaches {@code onPartialResponse} before the guardrail has judged it and PII cannot be
 * masked; the block still arrives as {@code onError}, after the text. Use {@code SYNC} (the default)
 * when nothing the guardrail would stop may reach the caller.
 */
public final class BedrockStreamingChatModel implements StreamingChatModel {

    private final BedrockRuntimeAsyncClient client;
    private final String modelId;
    private final BedrockGuardrail guardrail;
    private final ChatRequestParameters defaultParameters;
    private final List<ChatModelListener> listeners;

    private BedrockStreamingChatModel(Builder builder) {
        this.client = Objects.requireNonNull(builder.client, "client");
        this.modelId = BedrockChatModel.requireModelId(builder.modelId);
        this.guardrail = builder.guardrail;
        this.defaultParameters = ChatRequestParameters.builder().modelName(modelId).build()
                .overrideWith(builder.defaultParameters != null ? builder.defaultParameters : ChatRequestParameters.builder().build());
        this.listeners = List.copyOf(builder.listeners);
    }

    /**
     * Returns a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        Objects.requireNonNull(handler, "handler");
        ConverseMapping.Parts parts;
        try {
            parts = ConverseMapping.toParts(request, modelId, guardrail != null);
        } catch (RuntimeException e) {
            handler.onError(e);
            return;
        }
        ConverseStreamRequest.Builder converse = ConverseStreamRequest.builder()
                .modelId(parts.modelId())
                .messages(parts.messages())
                .system(parts.system())
                .inferenceConfig(parts.inference())
                .toolConfig(parts.tools())
                .additionalModelRequestFields(parts.additionalFields());
        if (guardrail != null) {
            converse.guardrailConfig(guardrail.toStreamConfiguration());
        }
        StreamState state = new StreamState(parts, handler);
        ConverseStreamResponseHandler sdkHandler = ConverseStreamResponseHandler.builder()
                .subscriber(ConverseStreamResponseHandler.Visitor.builder()
                        .onContentBlockStart(state::onStart)
                        .onContentBlockDelta(state::onDelta)
                        .onContentBlockStop(state::onStop)
                        .onMessageStop(state::onMessageStop)
                        .onMetadata(state::onMetadata)
                        .build())
                .onError(state::fail)
                .onComplete(state::complete)
                .build();
        try {
            client.converseStream(converse.build(), sdkHandler).whenComplete((ignored, failure) -> {
                if (failure != null) {
                    state.fail(failure);
                }
            });
        } catch (RuntimeException e) {
            state.fail(e);
        }
    }

    /** What one stream has delivered so far; the SDK calls it from one thread at a time. */
    private final class StreamState {
        private final ConverseMapping.Parts parts;
        private final StreamingChatResponseHandler handler;
        // the SDK calls back on its own threads: take the caller's call id while still on the caller's
        private final String callId = CallContext.current().callId();
        private final AtomicBoolean finished = new AtomicBoolean();
        private final StringBuilder text = new StringBuilder();
        private final Map<Integer, ToolCallInProgress> toolCalls = new TreeMap<>();
        private final List<ToolExecutionRequest> completedToolCalls = new ArrayList<>();
        private StopReason stopReason;
        private String rawStopReason;
        private ConverseStreamMetadataEvent metadata;

        StreamState(ConverseMapping.Parts parts, StreamingChatResponseHandler handler) {
            this.parts = parts;
            this.handler = handler;
        }

        void onStart(ContentBlockStartEvent event) {
            if (event.start() != null && event.start().toolUse() != null) {
                toolCalls.put(event.contentBlockIndex(),
                        new ToolCallInProgress(event.start().toolUse().toolUseId(), event.start().toolUse().name()));
            }
        }

        void onDelta(ContentBlockDeltaEvent event) {
            if (event.delta() == null || finished.get()) {
                return;
            }
            if (event.delta().text() != null) {
                text.append(event.delta().text());
                handler.onPartialResponse(event.delta().text());
            } else if (event.delta().toolUse() != null) {
                ToolCallInProgress call = toolCalls.get(event.contentBlockIndex());
                if (call == null) {
                    fail(new BedrockResponseException("Bedrock stream sent tool input for block "
                            + event.contentBlockIndex() + " before its start"));
                    return;
                }
                call.input.append(event.delta().toolUse().input());
            }
        }

        void onStop(ContentBlockStopEvent event) {
            ToolCallInProgress call = toolCalls.remove(event.contentBlockIndex());
            if (call != null && !finished.get()) {
                ToolExecutionRequest request = ToolExecutionRequest.builder().id(call.id).name(call.name)
                        .arguments(call.input.length() == 0 ? "{}" : call.input.toString()).build();
                handler.onCompleteToolCall(new CompleteToolCall(completedToolCalls.size(), request));
                completedToolCalls.add(request);
            }
        }

        void onMessageStop(MessageStopEvent event) {
            stopReason = event.stopReason();
            rawStopReason = event.stopReasonAsString();
        }

        void onMetadata(ConverseStreamMetadataEvent event) {
            metadata = event;
        }

        void complete() {
            if (finished.get()) {
                return;
            }
            try {
                if (rawStopReason == null) {
                    throw new BedrockResponseException("Bedrock stream ended without a messageStop event");
                }
                Integer outputTokens = metadata != null && metadata.usage() != null ? metadata.usage().outputTokens() : null;
                if (stopReason == StopReason.GUARDRAIL_INTERVENED) {
                    GuardrailIntervention.check(
                            metadata != null && metadata.trace() != null ? metadata.trace().guardrail() : null,
                            guardrail != null ? guardrail : BedrockGuardrail.of("unknown", "unknown"),
                            parts.guardedText(), text.toString(), outputTokens, callId);
                }
                FinishReason finishReason = ConverseMapping.finishReason(stopReason, rawStopReason);
                if (text.length() == 0 && completedToolCalls.isEmpty()) {
                    if (stopReason == StopReason.CONTENT_FILTERED) {
                        throw new ContentFilteredException("Bedrock's model filtered its answer (stop reason content_filtered)");
                    }
                    throw new BedrockResponseException("Bedrock stream has no text and no tool call (stop reason '" + rawStopReason + "')");
                }
                AiMessage message = completedToolCalls.isEmpty() ? AiMessage.from(text.toString())
                        : text.length() == 0 ? AiMessage.from(completedToolCalls) : AiMessage.from(text.toString(), completedToolCalls);
                ChatResponse response = ChatResponse.builder()
                        .aiMessage(message)
                        .modelName(parts.modelId())
                        .tokenUsage(metadata != null ? BedrockChatModel.tokenUsage(metadata.usage()) : null)
                        .finishReason(finishReason)
                        .build();
                if (finished.compareAndSet(false, true)) {
                    handler.onCompleteResponse(response);
                }
            } catch (RuntimeException e) {
                fail(e);
            }
        }

        void fail(Throwable failure) {
            if (finished.compareAndSet(false, true)) {
                handler.onError(BedrockErrors.map(failure));
            }
        }
    }

    private static final class ToolCallInProgress {
        private final String id;
        private final String name;
        private final StringBuilder input = new StringBuilder();

        ToolCallInProgress(String id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return defaultParameters;
    }

    @Override
    public List<ChatModelListener> listeners() {
        return listeners;
    }

    @Override
    public ModelProvider provider() {
        return ModelProvider.AMAZON_BEDROCK;
    }

    /** Builds a {@link BedrockStreamingChatModel}. */
    public static final class Builder {
        private BedrockRuntimeAsyncClient client;
        private String modelId;
        private BedrockGuardrail guardrail;
        private ChatRequestParameters defaultParameters;
        private final List<ChatModelListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets the async Bedrock runtime client (required).
         *
         * @param client the client
         * @return this builder
         */
        public Builder client(BedrockRuntimeAsyncClient client) {
            this.client = client;
            return this;
        }

        /**
         * Sets the model id or inference profile (required).
         *
         * @param modelId the model id
         * @return this builder
         */
        public Builder modelId(String modelId) {
            this.modelId = modelId;
            return this;
        }

        /**
         * Sets the Bedrock guardrail, with its stream processing mode, or {@code null} for none.
         *
         * @param guardrail the guardrail
         * @return this builder
         */
        public Builder guardrail(BedrockGuardrail guardrail) {
            this.guardrail = guardrail;
            return this;
        }

        /**
         * Sets default request parameters.
         *
         * @param parameters the parameters
         * @return this builder
         */
        public Builder defaultRequestParameters(ChatRequestParameters parameters) {
            this.defaultParameters = parameters;
            return this;
        }

        /**
         * Adds LangChain4j listeners.
         *
         * @param newListeners the new listeners
         * @return this builder
         */
        public Builder listeners(List<ChatModelListener> newListeners) {
            this.listeners.addAll(newListeners);
            return this;
        }

        /**
         * Returns the model.
         *
         * @return the model
         */
        public BedrockStreamingChatModel build() {
            return new BedrockStreamingChatModel(this);
        }
    }
}
