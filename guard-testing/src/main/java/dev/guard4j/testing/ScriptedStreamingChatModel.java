package dev.guard4j.testing;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.FinishReason;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link StreamingChatModel} that streams scripted tokens and records every request that reached
 * it, for testing guards and filters offline.
 *
 * <pre>{@code
 * ScriptedStreamingChatModel model = new ScriptedStreamingChatModel().enqueueTokens("Mail jo", "hn@exa", "mple.com");
 * }</pre>
 *
 * <p>Tokens are delivered on the calling thread, each with a {@link PartialResponseContext} whose
 * handle stops the stream when cancelled; then the complete response (or the scripted error).
 * Thread-safe.
 */
public final class ScriptedStreamingChatModel implements StreamingChatModel {

    private record Script(List<String> tokens, ChatResponse response, Throwable error) {
    }

    private final Deque<Script> script = new ArrayDeque<>();
    private final RequestLog requests = new RequestLog();
    private final ModelProvider provider;
    private final ChatRequestParameters defaultParameters;
    private final List<ChatModelListener> listeners;
    private final Set<Capability> capabilities;
    private int cancelledStreams;

    /** Creates a model with provider {@code OTHER}, no default parameters, no listeners and no capabilities. */
    public ScriptedStreamingChatModel() {
        this(ModelProvider.OTHER, DefaultChatRequestParameters.EMPTY, List.of(), Set.of());
    }

    ScriptedStreamingChatModel(ModelProvider provider, ChatRequestParameters defaultParameters,
            List<ChatModelListener> listeners, Set<Capability> capabilities) {
        this.provider = provider;
        this.defaultParameters = defaultParameters;
        this.listeners = List.copyOf(listeners);
        this.capabilities = Set.copyOf(capabilities);
    }

    /**
     * Adds an answer streamed as these tokens; the complete response holds their concatenation.
     *
     * @param tokens the tokens, in order
     * @return this model
     */
    public ScriptedStreamingChatModel enqueueTokens(String... tokens) {
        String text = String.join("", tokens);
        return enqueue(ChatResponse.builder().aiMessage(AiMessage.from(text)).finishReason(FinishReason.STOP).build(), tokens);
    }

    /**
     * Adds an answer streamed as these tokens and completed with this response (with tool calls, say).
     *
     * @param response the complete response
     * @param tokens the tokens streamed before it
     * @return this model
     */
    public synchronized ScriptedStreamingChatModel enqueue(ChatResponse response, String... tokens) {
        script.add(new Script(List.of(tokens), Objects.requireNonNull(response, "response"), null));
        return this;
    }

    /**
     * Adds a stream that delivers these tokens and then fails.
     *
     * @param error the error passed to {@code onError}
     * @param tokensBefore tokens streamed before the error
     * @return this model
     */
    public synchronized ScriptedStreamingChatModel enqueueError(Throwable error, String... tokensBefore) {
        script.add(new Script(List.of(tokensBefore), null, Objects.requireNonNull(error, "error")));
        return this;
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        Script next;
        requests.add(request);
        synchronized (this) {
            next = script.poll();
        }
        if (next == null) {
            handler.onError(new IllegalStateException("ScriptedStreamingChatModel has no scripted answer left"));
            return;
        }
        Handle handle = new Handle();
        PartialResponseContext context = new PartialResponseContext(handle);
        for (String token : next.tokens) {
            if (handle.isCancelled()) {
                synchronized (this) {
                    cancelledStreams++;
                }
                return;
            }
            handler.onPartialResponse(new PartialResponse(token), context);
        }
        if (handle.isCancelled()) {
            synchronized (this) {
                cancelledStreams++;
            }
            return;
        }
        if (next.error != null) {
            handler.onError(next.error);
        } else {
            handler.onCompleteResponse(next.response);
        }
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

    /**
     * Returns how many streams were cancelled through their handle before they finished.
     *
     * @return how many streams were cancelled through their handle before they finished
     */
    public synchronized int cancelledStreams() {
        return cancelledStreams;
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

    private static final class Handle implements StreamingHandle {
        private volatile boolean cancelled;

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }
}
