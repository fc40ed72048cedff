package dev.guard4j;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** A {@link ChatModel} that runs every call through a {@link Guard} before and after its delegate. */
final class GuardedChatModel implements ChatModel {

    private final Guard guard;
    private final ChatModel delegate;

    GuardedChatModel(Guard guard, ChatModel delegate) {
        this.guard = guard;
        this.delegate = delegate;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return chat(request, ChatRequestOptions.EMPTY);
    }

    @Override
    public ChatResponse chat(ChatRequest request, ChatRequestOptions options) {
        return guarded(request, guardedRequest -> delegate.chat(guardedRequest, options));
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        return guarded(request, delegate::doChat);
    }

    private ChatResponse guarded(ChatRequest request, Function<ChatRequest, ChatResponse> model) {
        CallRecord call = guard.startCall(delegate.provider(), false);
        ChatResponse answer;
        try {
            ChatRequest guardedRequest = guard.guardInput(call, request);
            ChatResponse response;
            try {
                // the model (and its listeners) see this call's context, its call id included
                try (CallContext.Scope scope = call.context.makeCurrent()) {
                    response = model.apply(guardedRequest);
                }
            } catch (GuardBlockedException blocked) {
                // a guard inside the model (a Bedrock guardrail) blocked: audit it as a block, with its findings
                call.modelBlocked(blocked);
                throw blocked;
            } catch (RuntimeException | Error e) {
                call.failed(e);
                throwAuditFailure(call, e);
                throw e;
            }
            answer = guard.guardOutput(call, guardedRequest, response, true, null);
        } catch (GuardBlockedException blocked) {
            call.blocked(blocked);
            ChatResponse refusal = guard.refusal(blocked);
            if (refusal != null) {
                call.output(Guard.answerText(refusal), refusal);
            }
            throwAuditFailure(call, blocked);
            if (refusal == null) {
                throw blocked;
            }
            return refusal;
        } catch (RuntimeException | Error e) {
            if (!call.finished()) {
                // a bug or bad input inside the guard itself: fail closed, and still audit the call
                call.failed(e);
                throwAuditFailure(call, e);
            }
            throw e;
        }
        throwAuditFailure(call, null);
        return answer;
    }

    /** Tells the hooks; in compliance mode a hook failure replaces the call's result. */
    private void throwAuditFailure(CallRecord call, Throwable pending) {
        GuardAuditException failure = guard.finish(call);
        if (failure != null) {
            if (pending != null) {
                failure.addSuppressed(pending);
            }
            throw failure;
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
