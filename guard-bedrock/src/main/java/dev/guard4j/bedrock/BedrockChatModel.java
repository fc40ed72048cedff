package dev.guard4j.bedrock;

import dev.guard4j.CallContext;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;

/**
 * Amazon Bedrock's Converse API as a LangChain4j {@link ChatModel}, with an optional Bedrock guardrail.
 *
 * <pre>{@code
 * ChatModel model = BedrockChatModel.builder()
 *         .client(BedrockRuntimeClient.create())
 *         .modelId("anthropic.claude-3-haiku-20240307-v1:0")
 *         .guardrail(BedrockGuardrail.of("gr-abc123", "1"))
 *         .build();
 * }</pre>
 *
 * <p>With a guardrail, only the latest user turn is sent as {@code guardContent}, so the
 * guardrail judges what the user said and not the system prompt or earlier turns. When the
 * guardrail blocks, the call throws {@link dev.guard4j.GuardBlockedException} with stage
 * {@code INPUT} or {@code OUTPUT} (from the trace) and the assessments as findings; when it only
 * masked PII, the masked answer is returned with finish reason {@code CONTENT_FILTER}.
 *
 * <p>SDK failures are mapped to LangChain4j's exceptions: throttling to {@code RateLimitException},
 * validation to {@code InvalidRequestException}, access denied to {@code AuthenticationException},
 * unknown model to {@code ModelNotFoundException}, timeouts to {@code TimeoutException}, service
 * errors to {@code InternalServerException}; an answer that cannot be read to {@link BedrockResponseException}.
 */
public final class BedrockChatModel implements ChatModel {

    private final BedrockRuntimeClient client;
    private final String modelId;
    private final BedrockGuardrail guardrail;
    private final ChatRequestParameters defaultParameters;
    private final List<ChatModelListener> listeners;

    private BedrockChatModel(Builder builder) {
        this.client = Objects.requireNonNull(builder.client, "client");
        this.modelId = requireModelId(builder.modelId);
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
    public ChatResponse doChat(ChatRequest request) {
        ConverseMapping.Parts parts = ConverseMapping.toParts(request, modelId, guardrail != null);
        ConverseRequest.Builder converse = ConverseRequest.builder()
                .modelId(parts.modelId())
                .messages(parts.messages())
                .system(parts.system())
                .inferenceConfig(parts.inference())
                .toolConfig(parts.tools())
                .additionalModelRequestFields(parts.additionalFields());
        if (guardrail != null) {
            converse.guardrailConfig(guardrail.toConfiguration());
        }
        ConverseResponse response;
        try {
            response = client.converse(converse.build());
        } catch (RuntimeException e) {
            throw BedrockErrors.map(e);
        }
        return toChatResponse(response, parts);
    }

    private ChatResponse toChatResponse(ConverseResponse response, ConverseMapping.Parts parts) {
        StopReason stopReason = response.stopReason();
        StringBuilder text = new StringBuilder();
        List<ToolExecutionRequest> toolCalls = new ArrayList<>();
        if (response.output() != null && response.output().message() != null) {
            for (ContentBlock block : response.output().message().content()) {
                if (block.text() != null) {
                    text.append(block.text());
                } else if (block.toolUse() != null) {
                    toolCalls.add(ToolExecutionRequest.builder().id(block.toolUse().toolUseId()).name(block.toolUse().name())
                            .arguments(toolArguments(block)).build());
                }
            }
        }
        Integer outputTokens = response.usage() != null ? response.usage().outputTokens() : null;
        if (stopReason == StopReason.GUARDRAIL_INTERVENED) {
            GuardrailIntervention.check(response.trace() != null ? response.trace().guardrail() : null,
                    guardrail != null ? guardrail : BedrockGuardrail.of("unknown", "unknown"),
                    parts.guardedText(), text.toString(), outputTokens, CallContext.current().callId());
        }
        FinishReason finishReason = ConverseMapping.finishReason(stopReason, response.stopReasonAsString());
        if (text.length() == 0 && toolCalls.isEmpty()) {
            if (stopReason == StopReason.CONTENT_FILTERED) {
                throw new ContentFilteredException("Bedrock's model filtered its answer (stop reason content_filtered)");
            }
            throw new BedrockResponseException("Bedrock answer has no text and no tool call (stop reason '"
                    + response.stopReasonAsString() + "')");
        }
        AiMessage message = toolCalls.isEmpty() ? AiMessage.from(text.toString())
                : text.length() == 0 ? AiMessage.from(toolCalls) : AiMessage.from(text.toString(), toolCalls);
        return ChatResponse.builder()
                .aiMessage(message)
                .id(response.responseMetadata() != null ? response.responseMetadata().requestId() : null)
                .modelName(parts.modelId())
                .tokenUsage(tokenUsage(response.usage()))
                .finishReason(finishReason)
                .build();
    }

    private static String toolArguments(ContentBlock block) {
        try {
            return DocumentJson.toJson(block.toolUse().input());
        } catch (RuntimeException e) {
            throw new BedrockResponseException("Bedrock tool call '" + block.toolUse().name() + "' has input that cannot be read: "
                    + e.getMessage(), e);
        }
    }

    static TokenUsage tokenUsage(software.amazon.awssdk.services.bedrockruntime.model.TokenUsage usage) {
        return usage == null ? null : new TokenUsage(usage.inputTokens(), usage.outputTokens(), usage.totalTokens());
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

    static String requireModelId(String modelId) {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("modelId must not be blank, was " + (modelId == null ? "null" : "'" + modelId + "'"));
        }
        return modelId;
    }

    /** Builds a {@link BedrockChatModel}. */
    public static final class Builder {
        private BedrockRuntimeClient client;
        private String modelId;
        private BedrockGuardrail guardrail;
        private ChatRequestParameters defaultParameters;
        private final List<ChatModelListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets the Bedrock runtime client (required); its retry and timeout settings apply.
         *
         * @param client the client
         * @return this builder
         */
        public Builder client(BedrockRuntimeClient client) {
            this.client = client;
            return this;
        }

        /**
         * Sets the model id or inference profile (required), such as {@code anthropic.claude-3-haiku-20240307-v1:0}.
         *
         * @param modelId the model id
         * @return this builder
         */
        public Builder modelId(String modelId) {
            this.modelId = modelId;
            return this;
        }

        /**
         * Sets the Bedrock guardrail to apply to every call, or {@code null} for none.
         *
         * @param guardrail the guardrail
         * @return this builder
         */
        public Builder guardrail(BedrockGuardrail guardrail) {
            this.guardrail = guardrail;
            return this;
        }

        /**
         * Sets default request parameters (temperature, max output tokens, tools, ...).
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
        public BedrockChatModel build() {
            return new BedrockChatModel(this);
        }
    }
}
