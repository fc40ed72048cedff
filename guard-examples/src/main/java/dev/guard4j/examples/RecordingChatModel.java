package dev.guard4j.examples;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

/** Passes calls to a model and keeps the last request, so an example can show what the model saw. */
final class RecordingChatModel implements ChatModel {

    private final ChatModel delegate;
    private volatile ChatRequest last;

    RecordingChatModel(ChatModel delegate) {
        this.delegate = delegate;
    }

    @Override
    public ChatResponse chat(ChatRequest request, ChatRequestOptions options) {
        last = request;
        return delegate.chat(request, options);
    }

    @Override
    public ModelProvider provider() {
        return delegate.provider();
    }

    /** Returns the last request that reached the model and forgets it; null when none did. */
    ChatRequest takeLast() {
        ChatRequest request = last;
        last = null;
        return request;
    }
}
