package dev.guard4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.FinishReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sits between a streaming model and the caller's handler: collects the answer, runs the output
 * checkers over windows of it, and releases only text they have seen, holding back an overlap
 * so that a value split across tokens is checked whole.
 *
 * <p>Partial reasoning text and partial tool calls are not forwarded (they would be unchecked);
 * complete tool calls are checked and forwarded just before the complete response.
 */
final class StreamingOutputGate implements StreamingChatResponseHandler {

    private final Guard guard;
    private final CallRecord call;
    private final ChatRequest request;
    private final StreamingChatResponseHandler downstream;
    private final StreamingOptions options;

    private final StringBuilder pending = new StringBuilder();
    private final StringBuilder released = new StringBuilder();
    private final Map<String, MergedResult> windowResults = new LinkedHashMap<>();
    private boolean receivedText;
    private boolean rewrote;
    private boolean terminated;
    private PartialResponseContext upstreamContext;

    StreamingOutputGate(Guard guard, CallRecord call, ChatRequest request, StreamingChatResponseHandler downstream) {
        this.guard = guard;
        this.call = call;
        this.request = request;
        this.downstream = downstream;
        this.options = guard.streaming();
    }

    @Override
    public void onPartialResponse(String partialResponse) {
        accept(partialResponse, null);
    }

    @Override
    public void onPartialResponse(PartialResponse partialResponse, PartialResponseContext context) {
        accept(partialResponse.text(), context);
    }

    @Override
    public void onPartialThinking(PartialThinking partialThinking) {
        // withheld: reasoning text is checked with the complete response, never streamed unchecked
    }

    @Override
    public void onPartialThinking(PartialThinking partialThinking, PartialThinkingContext context) {
        // withheld, as above
    }

    @Override
    public void onPartialToolCall(PartialToolCall partialToolCall) {
        // withheld: partial arguments have not been checked
    }

    @Override
    public void onPartialToolCall(PartialToolCall partialToolCall, PartialToolCallContext context) {
        // withheld, as above
    }

    @Override
    public void onCompleteToolCall(CompleteToolCall completeToolCall) {
        // checked and forwarded with the complete response
    }

    @Override
    public void onUnmappedRawEvent(Object rawEvent) {
        // raw provider events may carry unchecked text: not forwarded
    }

    private synchronized void accept(String text, PartialResponseContext context) {
        if (terminated || text == null || text.isEmpty()) {
            return;
        }
        if (context != null) {
            upstreamContext = context;
        }
        receivedText = true;
        pending.append(text);
        if (!options.buffersAll() && pending.length() >= options.window() + options.holdBack()) {
            checkAndRelease(false);
        }
    }

    @Override
    public synchronized void onCompleteResponse(ChatResponse response) {
        if (terminated) {
            return;
        }
        try {
            if (!receivedText && response != null && response.aiMessage() != null && response.aiMessage().text() != null) {
                pending.append(response.aiMessage().text());
            }
            if (pending.length() > 0 && !checkAndRelease(true)) {
                return;
            }
            flushWindowResults();
            ChatResponse checked = guard.guardOutput(call, request, response, false, released.toString());
            terminated = true;
            GuardAuditException auditFailure = guard.finish(call);
            if (auditFailure != null) {
                downstream.onError(auditFailure);
                return;
            }
            List<ToolExecutionRequest> calls = checked.aiMessage() == null ? List.of() : checked.aiMessage().toolExecutionRequests();
            for (int i = 0; i < calls.size(); i++) {
                downstream.onCompleteToolCall(new CompleteToolCall(i, calls.get(i)));
            }
            downstream.onCompleteResponse(checked);
        } catch (GuardBlockedException blocked) {
            terminate(blocked);
        } catch (RuntimeException e) {
            failWith(e);
        }
    }

    @Override
    public synchronized void onError(Throwable error) {
        if (terminated) {
            return;
        }
        if (error instanceof GuardBlockedException blocked) {
            // a guard inside the model (a Bedrock guardrail) blocked: audit it as a block, with its findings
            flushWindowResults();
            call.modelBlocked(blocked);
            terminate(blocked);
            return;
        }
        failWith(error);
    }

    private void failWith(Throwable error) {
        terminated = true;
        // text still pending was never checked: it is dropped, not released
        flushWindowResults();
        call.failed(error);
        call.output(released.toString(), null);
        GuardAuditException auditFailure = guard.finish(call);
        if (auditFailure != null) {
            auditFailure.addSuppressed(error);
            downstream.onError(auditFailure);
        } else {
            downstream.onError(error);
        }
    }

    /** Checks the pending text with the released tail as context; releases what is safe. Returns false when the stream ended. */
    private boolean checkAndRelease(boolean last) {
        int contextLength = Math.min(options.holdBack(), released.length());
        String context = released.substring(released.length() - contextLength);
        String window = context + pending;
        String checked = window;
        if (guard.hasOutputCheckers()) {
            ChainRunner.Outcome outcome = guard.checkWindow(call, request, window);
            merge(outcome.results, released.length() - contextLength);
            if (outcome.blocked()) {
                flushWindowResults();
                terminate(new GuardBlockedException(Stage.OUTPUT, outcome.blockingFilter, outcome.block, call.callId()));
                return false;
            }
            checked = outcome.texts[0];
            rewrote |= outcome.rewritten;
            if (!checked.startsWith(context)) {
                // a checker rewrote text the caller already has, most often a fragment cut at the window's
                // start; released text cannot be taken back, so check the pending text on its own instead
                ChainRunner.Outcome alone = guard.checkWindow(call, request, pending.toString());
                merge(alone.results, released.length());
                if (alone.blocked()) {
                    flushWindowResults();
                    terminate(new GuardBlockedException(Stage.OUTPUT, alone.blockingFilter, alone.block, call.callId()));
                    return false;
                }
                checked = context + alone.texts[0];
                rewrote |= alone.rewritten;
            }
        }
        String checkedPending = checked.substring(contextLength);
        int releaseUpTo = last ? checkedPending.length() : Math.max(0, checkedPending.length() - options.holdBack());
        String out = checkedPending.substring(0, releaseUpTo);
        pending.setLength(0);
        pending.append(checkedPending, releaseUpTo, checkedPending.length());
        if (!out.isEmpty()) {
            released.append(out);
            emit(out);
        }
        return true;
    }

    private void emit(String text) {
        if (upstreamContext != null) {
            downstream.onPartialResponse(new PartialResponse(text), upstreamContext);
        } else {
            downstream.onPartialResponse(text);
        }
    }

    private void terminate(GuardBlockedException blocked) {
        terminated = true;
        if (upstreamContext != null) {
            StreamingHandle handle = upstreamContext.streamingHandle();
            try {
                handle.cancel();
            } catch (RuntimeException ignored) {
                // the model may not support cancelling; its further events are ignored anyway
            }
        }
        call.blocked(blocked);
        ChatResponse refusal = guard.refusal(blocked);
        String refusalText = refusal == null ? null : refusal.aiMessage().text();
        call.output(released + (refusalText == null ? "" : refusalText), null);
        GuardAuditException auditFailure = guard.finish(call);
        if (auditFailure != null) {
            auditFailure.addSuppressed(blocked);
            downstream.onError(auditFailure);
        } else if (refusal == null) {
            downstream.onError(blocked);
        } else {
            emit(refusalText);
            downstream.onCompleteResponse(ChatResponse.builder()
                    .aiMessage(AiMessage.from(released + refusalText))
                    .finishReason(FinishReason.CONTENT_FILTER)
                    .build());
        }
    }

    /** Folds one window's results into one result per filter, with spans moved to offsets in the released text. */
    private void merge(List<FilterResult> results, int offset) {
        for (FilterResult result : results) {
            windowResults.computeIfAbsent(result.filter(), name -> new MergedResult(result)).add(result, offset);
        }
    }

    private void flushWindowResults() {
        if (windowResults.isEmpty()) {
            return;
        }
        call.addResults(windowResults.values().stream().map(MergedResult::toResult).toList(), rewrote);
        windowResults.clear();
        rewrote = false;
    }

    private static final class MergedResult {
        private final FilterResult first;
        private Verdict.Kind verdict = Verdict.Kind.PASS;
        private String reason;
        private String error;
        private final Set<Finding> findings = new LinkedHashSet<>();
        private Duration latency = Duration.ZERO;

        MergedResult(FilterResult first) {
            this.first = first;
        }

        void add(FilterResult result, int offset) {
            if (result.verdict().compareTo(verdict) > 0) {
                verdict = result.verdict();
            }
            if (result.reason() != null) {
                reason = result.reason();
            }
            if (error == null) {
                error = result.error();
            }
            result.findings().forEach(finding -> findings.add(finding.shifted(offset)));
            latency = latency.plus(result.latency());
        }

        FilterResult toResult() {
            return new FilterResult(first.stage(), first.filter(), first.source(), first.messageIndex(), verdict, reason,
                    new ArrayList<>(findings), latency, false, error);
        }
    }
}
