package dev.guard4j;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chain of input validators, output checkers and audit hooks that wraps a LangChain4j model in one line.
 *
 * <pre>{@code
 * ChatModel safe = Guard.builder()
 *         .input(new PiiFilter(), new PromptInjectionFilter())
 *         .output(new PiiFilter(), new SecretsFilter())
 *         .audit(auditLog)
 *         .build()
 *         .wrap(model);
 * }</pre>
 *
 * <p>Every call through the wrapped model runs the input validators over each user message and
 * tool result (in registration order; a rewrite feeds the next validator and finally the model;
 * a block stops the call before the model sees it), then the output checkers over the answer's
 * text and each tool call's arguments, then tells every audit hook. A blocked call throws
 * {@link GuardBlockedException}, or returns a refusal when {@link Builder#blockedInputMessage}
 * or {@link Builder#blockedOutputMessage} is set. Filters that throw, return null or overrun
 * their time budget block the call (fail closed) unless registered fail-open.
 *
 * <p>A guard is immutable and thread-safe once built; one guard can wrap many models. Close it
 * to close the audit hooks that are {@link AutoCloseable} (flushing an audit log).
 */
public final class Guard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Guard.class);
    private static final String GUARD = "guard";
    private static final ExecutorService SHARED_EXECUTOR = newFilterExecutor();

    private final ChainRunner inputChain;
    private final ChainRunner outputChain;
    private final List<AuditHook> hooks;
    private final AuditMode auditMode;
    private final String blockedInputMessage;
    private final String blockedOutputMessage;
    private final Set<Content.Source> inspected;
    private final StreamingOptions streaming;
    private final int maxTextLength;
    private final boolean allowUninspected;
    private final Clock clock;
    private final UnaryOperator<String> textRedaction;

    private Guard(Builder builder) {
        Executor executor = builder.executor != null ? builder.executor : SHARED_EXECUTOR;
        VerdictMemo memo = new VerdictMemo(builder.verdictCacheSize);
        this.inputChain = new ChainRunner(Stage.INPUT, steps(builder.inputs, builder.defaultTimeBudget), memo, executor);
        this.outputChain = new ChainRunner(Stage.OUTPUT, steps(builder.outputs, builder.defaultTimeBudget), memo, executor);
        this.hooks = List.copyOf(builder.hooks);
        this.auditMode = builder.auditMode;
        this.blockedInputMessage = builder.blockedInputMessage;
        this.blockedOutputMessage = builder.blockedOutputMessage;
        this.inspected = Set.copyOf(builder.inspected);
        this.streaming = builder.streaming;
        this.maxTextLength = builder.maxTextLength;
        this.allowUninspected = builder.allowUninspected;
        this.clock = builder.clock;
        this.textRedaction = builder.textRedaction;
    }

    /**
     * Returns a builder for a guard.
     *
     * @return a builder for a guard
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a model that runs every call through this guard and then through {@code model}.
     *
     * <p>The wrapper keeps the delegate's provider, default request parameters, capabilities and
     * listeners; the listeners see the request as guarded (after rewrites), never the original.
     *
     * @param model the model to protect
     * @return the guarded model
     */
    public ChatModel wrap(ChatModel model) {
        return new GuardedChatModel(this, Objects.requireNonNull(model, "model"));
    }

    /**
     * Returns a streaming model that runs every call through this guard and then through {@code model}.
     *
     * <p>No text reaches the caller's handler before the output checkers have seen it; see
     * {@link StreamingOptions} for how the answer is released.
     *
     * @param model the model to protect
     * @return the guarded model
     */
    public StreamingChatModel wrap(StreamingChatModel model) {
        return new GuardedStreamingChatModel(this, Objects.requireNonNull(model, "model"));
    }

    /**
     * Runs one stage's filters over one piece of text, outside any model call (to scan documents
     * before indexing, or traffic samples). Nothing is audited.
     *
     * @param stage which filters to run
     * @param content the text and its source
     * @return the combined verdict and each filter's result
     */
    public Inspection inspect(Stage stage, Content content) {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(content, "content");
        ChainRunner chain = stage == Stage.INPUT ? inputChain : outputChain;
        List<FilterResult> oversize = checkSize(stage, List.of(content));
        if (!oversize.isEmpty()) {
            FilterResult result = oversize.get(0);
            return new Inspection(Verdict.block(result.reason(), result.findings()), oversize);
        }
        ChainRunner.Outcome outcome = chain.run(List.of(content));
        Verdict verdict;
        if (outcome.blocked()) {
            verdict = Verdict.block(outcome.block.reason(), outcome.findings());
        } else if (outcome.rewritten) {
            verdict = Verdict.rewrite(outcome.texts[0], outcome.findings());
        } else {
            verdict = new Verdict.Pass(outcome.findings());
        }
        return new Inspection(verdict, outcome.results);
    }

    /** Closes every audit hook that is {@link AutoCloseable}, so that an audit log flushes; the first failure is rethrown. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (AuditHook hook : hooks) {
            if (hook instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    if (failure == null) {
                        failure = new IllegalStateException("closing audit hook " + hook + " failed", e);
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    // ---- what the wrappers call ------------------------------------------------------------

    CallRecord startCall(ModelProvider provider, boolean streamed) {
        return new CallRecord(CallContext.current(), clock.instant(), provider == null ? null : provider.name(), streamed, textRedaction);
    }

    StreamingOptions streaming() {
        return streaming;
    }

    boolean hasOutputCheckers() {
        return !outputChain.isEmpty();
    }

    /** Returns the request as the model should see it, or throws when an input validator blocks. */
    ChatRequest guardInput(CallRecord call, ChatRequest request) {
        Objects.requireNonNull(request, "request");
        RequestPieces pieces = RequestPieces.of(request, inspected, call.context, call.state);
        if (pieces.uninspectable != null && !allowUninspected) {
            Verdict.Block block = Verdict.block("the request holds content the guard cannot inspect (" + pieces.uninspectable
                    + "); allow it with Guard.builder().allowUninspectedContent()",
                    new Finding(GUARD, Category.UNINSPECTED_CONTENT, 0, 0, 1.0));
            call.addResults(List.of(new FilterResult(Stage.INPUT, GUARD, Content.Source.USER, -1, Verdict.Kind.BLOCK,
                    block.reason(), block.findings(), Duration.ZERO, false, null)), false);
            throw new GuardBlockedException(Stage.INPUT, GUARD, block, call.callId());
        }
        List<FilterResult> oversize = checkSize(Stage.INPUT, pieces.pieces);
        if (!oversize.isEmpty()) {
            call.addResults(oversize, false);
            FilterResult result = oversize.get(0);
            throw new GuardBlockedException(Stage.INPUT, GUARD, Verdict.block(result.reason(), result.findings()), call.callId());
        }
        ChainRunner.Outcome outcome = inputChain.run(pieces.pieces);
        call.addResults(outcome.results, outcome.rewritten);
        if (outcome.blocked()) {
            call.input(request);
            throw new GuardBlockedException(Stage.INPUT, outcome.blockingFilter, outcome.block, call.callId());
        }
        ChatRequest guarded = pieces.rebuild(request, outcome.texts);
        call.input(guarded);
        return guarded;
    }

    /**
     * Returns the answer as the caller should see it, or throws when an output checker blocks.
     *
     * @param checkText false when the text was already checked in stream windows
     */
    ChatResponse guardOutput(CallRecord call, ChatRequest request, ChatResponse response, boolean checkText, String releasedText) {
        if (response == null) {
            throw new IllegalStateException("the model returned no response");
        }
        AnswerPieces pieces = AnswerPieces.of(request, response, call.context, call.state, checkText);
        List<FilterResult> oversize = checkSize(Stage.OUTPUT, pieces.pieces);
        if (!oversize.isEmpty()) {
            call.addResults(oversize, false);
            FilterResult result = oversize.get(0);
            throw new GuardBlockedException(Stage.OUTPUT, GUARD, Verdict.block(result.reason(), result.findings()), call.callId());
        }
        ChainRunner.Outcome outcome = outputChain.run(pieces.pieces);
        call.addResults(outcome.results, outcome.rewritten);
        if (outcome.blocked()) {
            throw new GuardBlockedException(Stage.OUTPUT, outcome.blockingFilter, outcome.block, call.callId());
        }
        ChatResponse checked = pieces.rebuild(response, outcome.texts, releasedText);
        call.output(answerText(checked), checked);
        return checked;
    }

    /** Runs the output checkers over one window of a streamed answer. */
    ChainRunner.Outcome checkWindow(CallRecord call, ChatRequest request, String window) {
        Content content = Content.builder(window, Content.Source.MODEL)
                .request(request)
                .context(call.context)
                .state(call.state)
                .build();
        List<FilterResult> oversize = checkSize(Stage.OUTPUT, List.of(content));
        if (!oversize.isEmpty()) {
            ChainRunner.Outcome outcome = new ChainRunner.Outcome(List.of(content));
            outcome.results.addAll(oversize);
            outcome.block = Verdict.block(oversize.get(0).reason(), oversize.get(0).findings());
            outcome.blockingFilter = GUARD;
            return outcome;
        }
        return outputChain.run(List.of(content));
    }

    /** Returns the refusal for a block, or null when the guard throws instead. */
    ChatResponse refusal(GuardBlockedException blocked) {
        String message = blocked.stage() == Stage.INPUT ? blockedInputMessage : blockedOutputMessage;
        if (message == null) {
            return null;
        }
        return ChatResponse.builder().aiMessage(AiMessage.from(message)).finishReason(FinishReason.CONTENT_FILTER).build();
    }

    /**
     * Tells every hook about the call. Returns the exception to throw in compliance mode when a
     * hook failed, or null.
     */
    GuardAuditException finish(CallRecord call) {
        AuditEvent event = call.complete();
        GuardAuditException failure = null;
        for (AuditHook hook : hooks) {
            try {
                hook.record(event);
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                if (auditMode == AuditMode.COMPLIANCE) {
                    if (failure == null) {
                        failure = new GuardAuditException("audit hook " + hook + " failed to record call " + event.callId(), e);
                    } else {
                        failure.addSuppressed(e);
                    }
                } else {
                    LOG.error("audit hook {} failed to record call {}; the call goes on (best-effort audit)", hook, event.callId(), e);
                }
            }
        }
        return failure;
    }

    private List<FilterResult> checkSize(Stage stage, List<Content> pieces) {
        for (Content piece : pieces) {
            if (piece.text().length() > maxTextLength) {
                String reason = "a " + piece.source() + " text of " + piece.text().length()
                        + " characters exceeds the guard's limit of " + maxTextLength;
                return List.of(new FilterResult(stage, GUARD, piece.source(), piece.messageIndex(), Verdict.Kind.BLOCK, reason,
                        List.of(new Finding(GUARD, Category.OVERSIZED_INPUT, 0, piece.text().length(), 1.0)), Duration.ZERO, false, null));
            }
        }
        return List.of();
    }

    static String answerText(ChatResponse response) {
        AiMessage ai = response.aiMessage();
        if (ai == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(ai.text() == null ? "" : ai.text());
        ai.toolExecutionRequests().forEach(call -> text.append('\u001e').append(call.name()).append('\u001f').append(call.arguments()));
        return text.toString();
    }

    private static List<FilterStep> steps(List<Registration> registrations, Duration defaultBudget) {
        List<FilterStep> steps = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Registration registration : registrations) {
            String name = registration.options.name() != null ? registration.options.name() : defaultName(registration.filter, steps.size());
            String unique = name;
            for (int n = 2; !names.add(unique); n++) {
                unique = name + "#" + n;
            }
            Duration budget = registration.options.timeBudget() != null ? registration.options.timeBudget() : defaultBudget;
            steps.add(new FilterStep(unique, budget, registration.options.failureMode(), registration.memoisable, registration.body));
        }
        return steps;
    }

    private static String defaultName(Object filter, int position) {
        String simple = filter.getClass().getSimpleName();
        if (simple.isEmpty() || simple.contains("$$Lambda") || simple.contains("/")) {
            return "filter-" + (position + 1);
        }
        return simple;
    }

    private static ExecutorService newFilterExecutor() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "guard4j-filter-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        return executor;
    }

    private record Registration(Object filter, FilterOptions options, boolean memoisable, java.util.function.Function<Content, Verdict> body) {
    }

    /** Builds a {@link Guard}; every setter checks its input at once. */
    public static final class Builder {
        private final List<Registration> inputs = new ArrayList<>();
        private final List<Registration> outputs = new ArrayList<>();
        private final List<AuditHook> hooks = new ArrayList<>();
        private AuditMode auditMode = AuditMode.BEST_EFFORT;
        private String blockedInputMessage;
        private String blockedOutputMessage;
        private Set<Content.Source> inspected = EnumSet.of(Content.Source.USER, Content.Source.TOOL_RESULT);
        private StreamingOptions streaming = StreamingOptions.defaults();
        private Duration defaultTimeBudget = Duration.ofSeconds(2);
        private int verdictCacheSize = 10_000;
        private int maxTextLength = 1_000_000;
        private boolean allowUninspected;
        private Executor executor;
        private Clock clock = Clock.systemUTC();
        private UnaryOperator<String> textRedaction;

        private Builder() {
        }

        /**
         * Adds input validators, run in the order given, after those already added.
         *
         * @param validators the validators
         * @return this builder
         */
        public Builder input(InputValidator... validators) {
            for (int i = 0; i < validators.length; i++) {
                input(Objects.requireNonNull(validators[i], "input validator " + i + " is null"), FilterOptions.defaults());
            }
            return this;
        }

        /**
         * Adds one input validator with its own name, time budget or failure mode.
         *
         * @param validator the validator
         * @param options how to run it
         * @return this builder
         */
        public Builder input(InputValidator validator, FilterOptions options) {
            Objects.requireNonNull(validator, "validator");
            Objects.requireNonNull(options, "options");
            inputs.add(new Registration(validator, options, validator.memoisable(), validator::validate));
            return this;
        }

        /**
         * Adds output checkers, run in the order given, after those already added.
         *
         * @param checkers the checkers
         * @return this builder
         */
        public Builder output(OutputChecker... checkers) {
            for (int i = 0; i < checkers.length; i++) {
                output(Objects.requireNonNull(checkers[i], "output checker " + i + " is null"), FilterOptions.defaults());
            }
            return this;
        }

        /**
         * Adds one output checker with its own name, time budget or failure mode.
         *
         * @param checker the checker
         * @param options how to run it
         * @return this builder
         */
        public Builder output(OutputChecker checker, FilterOptions options) {
            Objects.requireNonNull(checker, "checker");
            Objects.requireNonNull(options, "options");
            outputs.add(new Registration(checker, options, false, checker::check));
            return this;
        }

        /**
         * Adds audit hooks; each is told about every call.
         *
         * @param auditHooks the hooks
         * @return this builder
         */
        public Builder audit(AuditHook... auditHooks) {
            for (int i = 0; i < auditHooks.length; i++) {
                hooks.add(Objects.requireNonNull(auditHooks[i], "audit hook " + i + " is null"));
            }
            return this;
        }

        /**
         * Sets what a failing audit hook does to the call; {@link AuditMode#BEST_EFFORT} by default.
         *
         * @param mode the mode
         * @return this builder
         */
        public Builder auditMode(AuditMode mode) {
            this.auditMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Makes a blocked request return this text as the answer (finish reason CONTENT_FILTER) instead of throwing.
         *
         * @param message the refusal text
         * @return this builder
         */
        public Builder blockedInputMessage(String message) {
            this.blockedInputMessage = requireText(message, "blockedInputMessage");
            return this;
        }

        /**
         * Makes a blocked answer be replaced by this text instead of throwing.
         *
         * @param message the refusal text
         * @return this builder
         */
        public Builder blockedOutputMessage(String message) {
            this.blockedOutputMessage = requireText(message, "blockedOutputMessage");
            return this;
        }

        /**
         * Sets which parts of a request the input validators see; {@code USER} and {@code TOOL_RESULT} by default.
         * Add {@code SYSTEM} to distrust the system prompt, {@code MODEL} and {@code TOOL_CALL} to distrust
         * earlier turns that the client sends back.
         *
         * @param sources at least one source
         * @return this builder
         */
        public Builder inspect(Content.Source... sources) {
            if (sources.length == 0) {
                throw new IllegalArgumentException("inspect needs at least one source; inspecting nothing would be an unguarded pass-through");
            }
            EnumSet<Content.Source> set = EnumSet.noneOf(Content.Source.class);
            for (Content.Source source : sources) {
                set.add(Objects.requireNonNull(source, "source"));
            }
            this.inspected = set;
            return this;
        }

        /**
         * Sets how streamed answers are checked before release; {@link StreamingOptions#defaults()} by default.
         *
         * @param options the options
         * @return this builder
         */
        public Builder streaming(StreamingOptions options) {
            this.streaming = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Sets the time budget of filters registered without one; 2 seconds by default.
         *
         * @param budget a positive duration
         * @return this builder
         */
        public Builder defaultTimeBudget(Duration budget) {
            Objects.requireNonNull(budget, "budget");
            if (budget.isNegative() || budget.isZero()) {
                throw new IllegalArgumentException("default time budget must be positive, was " + budget);
            }
            this.defaultTimeBudget = budget;
            return this;
        }

        /**
         * Sets how many input verdicts are remembered by text digest; 10,000 by default, 0 turns memoisation off.
         *
         * @param size at least 0
         * @return this builder
         */
        public Builder verdictCacheSize(int size) {
            if (size < 0) {
                throw new IllegalArgumentException("verdict cache size must be at least 0, was " + size);
            }
            this.verdictCacheSize = size;
            return this;
        }

        /**
         * Sets the longest text (in UTF-16 characters) any one message or answer may have; longer
         * blocks the call before any filter runs. 1,000,000 by default.
         *
         * @param length at least 1
         * @return this builder
         */
        public Builder maxTextLength(int length) {
            if (length < 1) {
                throw new IllegalArgumentException("max text length must be at least 1, was " + length);
            }
            this.maxTextLength = length;
            return this;
        }

        /**
         * Lets requests through that hold content the guard cannot inspect (images, audio, PDFs);
         * by default such a request is blocked.
         *
         * @return this builder
         */
        public Builder allowUninspectedContent() {
            this.allowUninspected = true;
            return this;
        }

        /**
         * Sets the executor the filters run on (so that the caller can stop waiting for a filter that overruns its budget);
         * a shared pool of daemon threads by default.
         *
         * @param filterExecutor the executor
         * @return this builder
         */
        public Builder executor(Executor filterExecutor) {
            this.executor = Objects.requireNonNull(filterExecutor, "filterExecutor");
            return this;
        }

        /**
         * Sets the clock for audit timestamps; the system UTC clock by default.
         *
         * @param auditClock the clock
         * @return this builder
         */
        public Builder clock(Clock auditClock) {
            this.clock = Objects.requireNonNull(auditClock, "auditClock");
            return this;
        }

        /**
         * Records the text of every call in its audit event (input as the model received it, answer
         * as the caller received it), after passing it through {@code redaction}. Off by default:
         * events then hold digests and findings only.
         *
         * <p>Warning: whatever the redaction leaves reaches every audit hook; use a redaction that
         * removes personal data and secrets, such as {@code AuditRedaction.piiAndSecrets()} from
         * guard-filters. A redaction that throws or returns null records a marker instead of the text.
         *
         * @param redaction turns text into what may be recorded
         * @return this builder
         */
        public Builder recordText(UnaryOperator<String> redaction) {
            this.textRedaction = Objects.requireNonNull(redaction, "redaction");
            return this;
        }

        /**
         * Returns the guard.
         *
         * @return the guard
         */
        public Guard build() {
            return new Guard(this);
        }

        private static String requireText(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank, was " + (value == null ? "null" : "'" + value + "'"));
            }
            return value;
        }
    }
}
