package dev.guard4j;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.slf4j.LoggerFactory;

/** What the guard learns about one call as it runs, turned into an {@link AuditEvent} at the end. */
final class CallRecord {

    private static final String EMPTY_DIGEST = Sha256.hex("");

    final CallContext context;
    final CallState state = new CallState();
    private final Instant time;
    private final long startNanos = System.nanoTime();
    private final String provider;
    private final boolean streaming;
    private final List<FilterResult> results = new ArrayList<>();
    private final UnaryOperator<String> textRedaction;
    private String modelName;
    private String recordedInput;
    private String recordedOutput;
    private String inputDigest = EMPTY_DIGEST;
    private String outputDigest;
    private boolean rewritten;
    private Outcome outcome;
    private String reason;

    CallRecord(CallContext callerContext, Instant time, String provider, boolean streaming, UnaryOperator<String> textRedaction) {
        this.textRedaction = textRedaction;
        String callId = callerContext.callId() != null ? callerContext.callId() : UUID.randomUUID().toString();
        this.context = callerContext.withCallId(callId);
        this.time = time;
        this.provider = provider;
        this.streaming = streaming;
    }

    String callId() {
        return context.callId();
    }

    synchronized void addResults(List<FilterResult> stageResults, boolean stageRewrote) {
        results.addAll(stageResults);
        rewritten |= stageRewrote;
    }

    synchronized void input(ChatRequest request) {
        inputDigest = digest(request);
        if (textRedaction != null) {
            recordedInput = redact(render(request));
        }
        if (request.modelName() != null) {
            modelName = request.modelName();
        }
    }

    synchronized void output(String text, ChatResponse response) {
        outputDigest = Sha256.hex(text == null ? "" : text);
        if (textRedaction != null) {
            recordedOutput = redact(text == null ? "" : text);
        }
        if (response != null && response.modelName() != null) {
            modelName = response.modelName();
        }
    }

    synchronized void blocked(GuardBlockedException blocked) {
        outcome = Outcome.BLOCKED;
        reason = blocked.getMessage();
    }

    /** Records a block raised by the model itself (a provider-side guardrail) as that filter's result. */
    synchronized void modelBlocked(GuardBlockedException blocked) {
        Content.Source source = blocked.stage() == Stage.INPUT ? Content.Source.USER : Content.Source.MODEL;
        results.add(new FilterResult(blocked.stage(), blocked.filter(), source, -1, Verdict.Kind.BLOCK, blocked.reason(),
                blocked.findings(), Duration.ZERO, false, null));
    }

    synchronized void failed(Throwable error) {
        if (outcome == null) {
            outcome = Outcome.FAILED;
            reason = "model call failed: " + error.getClass().getName();
        }
    }

    synchronized boolean finished() {
        return outcome != null;
    }

    synchronized AuditEvent complete() {
        if (outcome == null) {
            outcome = rewritten ? Outcome.REWRITTEN : Outcome.ALLOWED;
        }
        return new AuditEvent(context.callId(), time, context.principal().orElse(null), provider, modelName, streaming,
                outcome, reason, results, inputDigest, outputDigest, Duration.ofNanos(System.nanoTime() - startNanos),
                context.attributes(), recordedInput, recordedOutput);
    }

    /** Redacts text for the record; a redaction that fails records a marker, never the raw text. */
    private String redact(String text) {
        try {
            return java.util.Objects.requireNonNull(textRedaction.apply(text), "the redaction returned null");
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(CallRecord.class).warn("audit text redaction failed; the text is not recorded", e);
            return "[redaction failed: text not recorded]";
        }
    }

    /** Renders the request as "role: text" lines, for the opt-in text record. */
    private static String render(ChatRequest request) {
        StringBuilder out = new StringBuilder();
        for (ChatMessage message : request.messages()) {
            for (String text : texts(message)) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append(message.type().name().toLowerCase(java.util.Locale.ROOT)).append(": ").append(text);
            }
        }
        return out.toString();
    }

    /** Digests every message's text as the model received it, with the role, so that any change shows. */
    private static String digest(ChatRequest request) {
        MessageDigest digest = Sha256.newDigest();
        for (ChatMessage message : request.messages()) {
            Sha256.update(digest, message.type().name());
            Sha256.update(digest, "\u001e");
            for (String text : texts(message)) {
                Sha256.update(digest, text);
                Sha256.update(digest, "\u001f");
            }
            Sha256.update(digest, "\u001d");
        }
        return Sha256.hex(digest.digest());
    }

    private static List<String> texts(ChatMessage message) {
        List<String> texts = new ArrayList<>();
        if (message instanceof SystemMessage system) {
            texts.add(system.text());
        } else if (message instanceof UserMessage user) {
            user.contents().stream().filter(TextContent.class::isInstance).map(c -> ((TextContent) c).text()).forEach(texts::add);
        } else if (message instanceof ToolExecutionResultMessage result) {
            result.contents().stream().filter(TextContent.class::isInstance).map(c -> ((TextContent) c).text()).forEach(texts::add);
        } else if (message instanceof AiMessage ai) {
            texts.add(ai.text() == null ? "" : ai.text());
            ai.toolExecutionRequests().forEach(call -> texts.add(call.name() + "\u001f" + call.arguments()));
        }
        return texts;
    }
}
