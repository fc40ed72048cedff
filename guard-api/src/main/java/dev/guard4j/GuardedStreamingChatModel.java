package dev.guard4j;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/** A {@link StreamingChatModel} that guards the request, then releases the answer only after the output checkers saw it. */
final class GuardedStreamingChatModel implements StreamingChatModel {

    private final Guard guard;
    private final StreamingChatModel delegate;

    GuardedStreamingChatModel(Guard guard, StreamingChatModel delegate) {
        this.guard = guard;
        this.delegate = delegate;
    }

    @Override
    public void chat(ChatRequest request, StreamingChatResponseHandler handler) {
        chat(request, ChatRequestOptions.EMPTY, handler);
    }

    @Override
    public void chat(ChatRequest request, ChatRequestOptions options, StreamingChatResponseHandler handler) {
        guarded(request, handler, (guardedRequest, gate) -> delegate.chat(guardedRequest, options, gate));
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        guarded(request, handler, delegate::doChat);
    }

    private void guarded(ChatRequest request, StreamingChatResponseHandler handler,
            BiConsumer<ChatRequest, StreamingChatResponseHandler> model) {
        Objects.requireNonNull(handler, "handler");
        CallRecord call = guard.startCall(delegate.provider(), true);
        ChatRequest guardedRequest;
        try {
            guardedRequest = guard.guardInput(call, request);
        } catch (GuardBlockedException blocked) {
            call.blocked(blocked);
            ChatResponse refusal = guard.refusal(blocked);
            if (refusal != null) {
                call.output(Guard.answerText(refusal), refusal);
            }
            GuardAuditException auditFailure = guard.finish(call);
            if (auditFailure != null) {
                auditFailure.addSuppressed(blocked);
                handler.onError(auditFailure);
            } else if (refusal == null) {
                handler.onError(blocked);
            } else {
                handler.onPartialResponse(refusal.aiMessage().text());
                handler.onCompleteResponse(refusal);
            }
            return;
        } catch (RuntimeException e) {
            call.failed(e);
            GuardAuditException auditFailure = guard.finish(call);
            if (auditFailure != null) {
                auditFailure.addSuppressed(e);
                throw auditFailure;
            }
            throw e;
        }
        StreamingOutputGate gate = new StreamingOutputGate(guard, call, guardedRequest, handler);
        try {
            try (CallContext.Scope scope = call.context.makeCurrent()) {
                model.accept(guardedRequest, gate);
            }
        } catch (RuntimeException e) {
            gate.onError(e);
        }
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return delegate.defaultRequestParameters();
    }

    @Override
    public List<ChatModelListener> listeners() {
        return delegate.listeners();
    }

    @Override
    public ModelProvider provider() {
        return delegate.provider();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return delegate.supportedCapabilities();
    }

    @Override
    public String toString() {
        return "Guarded[" + delegate + "]";
    }
}
