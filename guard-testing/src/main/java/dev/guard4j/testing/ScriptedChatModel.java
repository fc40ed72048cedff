package dev.guard4j.testing;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@link ChatModel} that answers from a script and records every request that reached it, for
 * testing guards and filters offline.
 *
 * <pre>{@code
 * ScriptedChatModel model = new ScriptedChatModel().enqueue("Hello!");
 * guard.wrap(model).chat("hi");
 * assertThat(model.takeRequest().messages()).hasSize(1);
 * }</pre>
 *
 * <p>Answers are used in the order enqueued; when none is left the fallback answers (by default
 * the model throws {@link IllegalStateException}). Thread-safe.
 */
public final class ScriptedChatModel implements ChatModel {

    private final Deque<Function<ChatRequest, ChatResponse>> script = new ArrayDeque<>();
    private final RequestLog requests = new RequestLog();
    private final ModelProvider provider;
    private final ChatRequestParameters defaultParameters;
    private final List<ChatModelListener> listeners;
    private final Set<Capability> capabilities;
    private Function<ChatRequest, ChatResponse> fallback = request -> {
        throw new IllegalStateException("ScriptedChatModel has no scripted answer left for request " + request);
    };

    /** Creates a model with provider {@code OTHER}, no default parameters, no listeners and no capabilities. */
    public ScriptedChatModel() {
        this(builder());
    }

    private ScriptedChatModel(Builder builder) {
        this.provider = builder.provider;
        this.defaultParameters = builder.defaultParameters;
        this.listeners = List.copyOf(builder.listeners);
        this.capabilities = Set.copyOf(builder.capabilities);
    }

    /**
     * Returns a builder for a model with a provider, default parameters, listeners or capabilities of your choosing.
     *
     * @return a builder for a model with a provider, default parameters, listeners or capabilities of your choosing
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Adds an answer with this text (finish reason STOP).
     *
     * @param text the answer's text
     * @return this model
     */
    public ScriptedChatModel enqueue(String text) {
        Objects.requireNonNull(text, "text");
        return enqueue(ChatResponse.builder().aiMessage(AiMessage.from(text)).finishReason(FinishReason.STOP).build());
    }

    /**
     * Adds a complete response (with tool calls, token usage, whatever the test needs).
     *
     * @param response the response
     * @return this model
     */
    public ScriptedChatModel enqueue(ChatResponse response) {
        Objects.requireNonNull(response, "response");
        return enqueue(request -> response);
    }

    /**
     * Adds an answer computed from the request (echo it, say).
     *
     * @param answer makes the response
     * @return this model
     */
    public synchronized ScriptedChatModel enqueue(Function<ChatRequest, ChatResponse> answer) {
        script.add(Objects.requireNonNull(answer, "answer"));
        return this;
    }

    /**
     * Adds a failure: the next call throws this exception.
     *
     * @param error the exception to throw
     * @return this model
     */
    public ScriptedChatModel enqueueError(RuntimeException error) {
        Objects.requireNonNull(error, "error");
        return enqueue(request -> {
            throw error;
        });
    }

    /**
     * Sets how to answer when the script is empty.
     *
     * @param answer makes the response
     * @return this model
     */
    public synchronized ScriptedChatModel otherwise(Function<ChatRequest, ChatResponse> answer) {
        this.fallback = Objects.requireNonNull(answer, "answer");
        return this;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        Function<ChatRequest, ChatResponse> answer;
        requests.add(request);
        synchronized (this) {
            answer = script.isEmpty() ? fallback : script.poll();
        }
        return answer.apply(request);
    }

    /**
     * Returns the oldest request not yet taken; fails when no request reached the model.
     *
     * @return the oldest request not yet taken; fails when no request reached the model
     */
    public ChatRequest takeRequest() {
        return requests.take();
    }

    /**
     * Returns every request that reached the model, oldest first.
     *
     * @return every request that reached the model, oldest first
     */
    public List<ChatRequest> requests() {
        return requests.all();
    }

    /**
     * Returns how many requests reached the model.
     *
     * @return how many requests reached the model
     */
    public int requestCount() {
        return requests.size();
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
        return provider;
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return capabilities;
    }

    /** Builds a {@link ScriptedChatModel}. */
    public static final class Builder {
        private ModelProvider provider = ModelProvider.OTHER;
        private ChatRequestParameters defaultParameters = DefaultChatRequestParameters.EMPTY;
        private final List<ChatModelListener> listeners = new ArrayList<>();
        private Set<Capability> capabilities = Set.of();

        private Builder() {
        }

        /**
         * Sets the provider the model reports.
         *
         * @param modelProvider the model provider
         * @return this builder
         */
        public Builder provider(ModelProvider modelProvider) {
            this.provider = Objects.requireNonNull(modelProvider, "modelProvider");
            return this;
        }

        /**
         * Sets the default request parameters the model reports.
         *
         * @param parameters the parameters
         * @return this builder
         */
        public Builder defaultRequestParameters(ChatRequestParameters parameters) {
            this.defaultParameters = Objects.requireNonNull(parameters, "parameters");
            return this;
        }

        /**
         * Adds listeners the model reports and notifies.
         *
         * @param modelListeners the model listeners
         * @return this builder
         */
        public Builder listeners(ChatModelListener... modelListeners) {
            listeners.addAll(List.of(modelListeners));
            return this;
        }

        /**
         * Sets the capabilities the model reports.
         *
         * @param supported the supported
         * @return this builder
         */
        public Builder capabilities(Capability... supported) {
            this.capabilities = Set.of(supported);
            return this;
        }

        /**
         * Returns a model built from these settings, for {@link ChatModel}.
         *
         * @return a model built from these settings, for {@link ChatModel}
         */
        public ScriptedChatModel build() {
            return new ScriptedChatModel(this);
        }

        /**
         * Returns a streaming model built from these settings.
         *
         * @return a streaming model built from these settings
         */
        public ScriptedStreamingChatModel buildStreaming() {
            return new ScriptedStreamingChatModel(provider, defaultParameters, listeners, capabilities);
        }
    }
}
