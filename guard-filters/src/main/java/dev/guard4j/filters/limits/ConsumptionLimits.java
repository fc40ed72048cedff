package dev.guard4j.filters.limits;

import dev.guard4j.CallState;
import dev.guard4j.Category;
import dev.guard4j.Content;
import dev.guard4j.Finding;
import dev.guard4j.InputValidator;
import dev.guard4j.Verdict;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Caps what one call and one principal may consume: characters per message and per request,
 * messages and tool results per request, and requests and characters per principal per window
 * (a token bucket). It inspects lengths and counts only, never the text, so it is cheap enough
 * to run first.
 *
 * <p>Each inspected message is checked against the per-message limit. The request-level limits
 * and the rate limit are checked once per call: on the request's last inspectable message (the
 * last user message or tool result), or on standalone content. They count every message of the
 * request, the system prompt and the history included. A call without a principal draws on one
 * shared "anonymous" bucket, so anonymous callers throttle each other.
 *
 * <p>Buckets of principals that have been idle long enough to refill completely are evicted when
 * more than {@code maxPrincipals} are held, which loses nothing; such a sweep runs at most once
 * per 100 ms (or per window, if shorter). When every held bucket is still in use, a new
 * principal is refused (fail closed) rather than resetting another's allowance.
 *
 * <pre>{@code
 * ConsumptionLimits limits = ConsumptionLimits.builder()
 *         .maxMessageChars(20_000).maxRequestChars(100_000).maxMessages(50)
 *         .rateLimit(60, 500_000, Duration.ofMinutes(1))
 *         .build();
 * }</pre>
 */
public final class ConsumptionLimits implements InputValidator {

    /** Category of a call refused by the per-principal rate limit. */
    public static final String RATE_LIMIT = "RATE_LIMIT";
    /** Category of a request with too many messages or tool results. */
    public static final String CONSUMPTION_LIMIT = "CONSUMPTION_LIMIT";

    private final int maxMessageChars;
    private final long maxRequestChars;
    private final int maxMessages;
    private final int maxToolResults;
    private final long requestsPerWindow;
    private final long charactersPerWindow;
    private final long windowNanos;
    private final int maxPrincipals;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final TokenBucket anonymous;
    private final ReentrantLock sweeping = new ReentrantLock();
    private final AtomicLong lastSweep;
    private final long sweepInterval;
    // a message with several text parts reaches the validator once per part: count the call once
    private final CallState.Key<AtomicBoolean> requestCounted = CallState.Key.of("limits.request-counted", AtomicBoolean.class);

    private ConsumptionLimits(Builder builder) {
        this.maxMessageChars = builder.maxMessageChars;
        this.maxRequestChars = builder.maxRequestChars;
        this.maxMessages = builder.maxMessages;
        this.maxToolResults = builder.maxToolResults;
        this.requestsPerWindow = builder.requestsPerWindow;
        this.charactersPerWindow = builder.charactersPerWindow;
        this.windowNanos = builder.window.toNanos();
        this.maxPrincipals = builder.maxPrincipals;
        this.nanoClock = builder.nanoClock;
        this.anonymous = rateLimited() ? newBucket() : null;
        this.sweepInterval = Math.min(windowNanos, TimeUnit.MILLISECONDS.toNanos(100));
        this.lastSweep = new AtomicLong(nanoClock.getAsLong() - sweepInterval);
    }

    /**
     * Returns a builder with every limit off.
     *
     * @return a builder with every limit off
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns {@code false}: the rate limit must count every call, so verdicts are never reused. */
    @Override
    public boolean memoisable() {
        return false;
    }

    @Override
    public Verdict validate(Content input) {
        int length = input.text().length();
        if (length > maxMessageChars) {
            return Verdict.block("message of " + length + " characters exceeds the limit of " + maxMessageChars,
                    Finding.ofWhole("limits.message-chars", Category.OVERSIZED_INPUT, length, 1.0));
        }
        ChatRequest request = input.request().orElse(null);
        Totals totals;
        if (request == null || request.messages().isEmpty()) {
            totals = new Totals(1, input.source() == Content.Source.TOOL_RESULT ? 1 : 0, length);
        } else if ((input.messageIndex() == anchorIndex(request.messages()) || input.messageIndex() < 0)
                && input.state().computeIfAbsent(requestCounted, AtomicBoolean::new).compareAndSet(false, true)) {
            totals = Totals.of(request.messages());
        } else {
            // another piece of this call carries (or carried) the request-level checks
            return Verdict.pass();
        }
        if (totals.messages > maxMessages) {
            return Verdict.block("request has " + totals.messages + " messages, more than the limit of " + maxMessages,
                    Finding.ofWhole("limits.messages", CONSUMPTION_LIMIT, length, 1.0));
        }
        if (totals.toolResults > maxToolResults) {
            return Verdict.block("request has " + totals.toolResults + " tool results, more than the limit of " + maxToolResults,
                    Finding.ofWhole("limits.tool-results", CONSUMPTION_LIMIT, length, 1.0));
        }
        if (totals.characters > maxRequestChars) {
            return Verdict.block("request of " + totals.characters + " characters exceeds the limit of " + maxRequestChars,
                    Finding.ofWhole("limits.request-chars", Category.OVERSIZED_INPUT, length, 1.0));
        }
        return rateLimited() ? acquire(input, totals.characters, length) : Verdict.pass();
    }

    private Verdict acquire(Content input, long characters, int length) {
        if (characters > charactersPerWindow) {
            return Verdict.block("request of " + characters + " characters exceeds the per-window budget of " + charactersPerWindow,
                    Finding.ofWhole("limits.rate", RATE_LIMIT, length, 1.0));
        }
        String principal = input.context().principal().orElse(null);
        long now = nanoClock.getAsLong();
        long wait;
        if (principal == null) {
            wait = anonymous.tryAcquire(now, characters);
        } else {
            do {
                TokenBucket bucket = buckets.get(principal);
                if (bucket == null) {
                    if (buckets.size() >= maxPrincipals && !sweep(now)) {
                        return Verdict.block("too many principals are active to track another",
                                Finding.ofWhole("limits.rate", RATE_LIMIT, length, 1.0));
                    }
                    bucket = buckets.computeIfAbsent(principal, p -> newBucket());
                }
                wait = bucket.tryAcquire(now, characters);
            } while (wait == TokenBucket.RETIRED);
        }
        if (wait == TokenBucket.GRANTED) {
            return Verdict.pass();
        }
        return Verdict.block("rate limit reached; retry in " + Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)) + " ms",
                Finding.ofWhole("limits.rate", RATE_LIMIT, length, 1.0));
    }

    /** Drops buckets that have refilled completely; returns whether there is room for another. */
    private boolean sweep(long now) {
        // a sweep walks every bucket: at most one per interval, so a burst of new principals cannot make each call O(n)
        long last = lastSweep.get();
        if (now - last >= sweepInterval && lastSweep.compareAndSet(last, now) && sweeping.tryLock()) {
            try {
                buckets.forEach((principal, bucket) -> {
                    if (bucket.retireIfFull(now)) {
                        buckets.remove(principal, bucket);
                    }
                });
            } finally {
                sweeping.unlock();
            }
        }
        return buckets.size() < maxPrincipals;
    }

    /** Returns how many principals' buckets are held, for tests and metrics. */
    int trackedPrincipals() {
        return buckets.size();
    }

    private boolean rateLimited() {
        return requestsPerWindow > 0;
    }

    private TokenBucket newBucket() {
        return new TokenBucket(requestsPerWindow, charactersPerWindow, windowNanos, nanoClock.getAsLong());
    }

    /** The index of the message the request-level checks run on: the last user message or tool result. */
    private static int anchorIndex(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            ChatMessage message = messages.get(i);
            if (message instanceof UserMessage || message instanceof ToolExecutionResultMessage) {
                return i;
            }
        }
        return messages.size() - 1;
    }

    private record Totals(int messages, int toolResults, long characters) {
        static Totals of(List<ChatMessage> messages) {
            int toolResults = 0;
            long characters = 0;
            for (ChatMessage message : messages) {
                if (message instanceof ToolExecutionResultMessage) {
                    toolResults++;
                }
                characters += characters(message);
            }
            return new Totals(messages.size(), toolResults, characters);
        }

        private static long characters(ChatMessage message) {
            if (message instanceof UserMessage user) {
                long sum = 0;
                for (dev.langchain4j.data.message.Content content : user.contents()) {
                    if (content instanceof TextContent text) {
                        sum += text.text().length();
                    }
                }
                return sum;
            }
            if (message instanceof SystemMessage system) {
                return length(system.text());
            }
            if (message instanceof ToolExecutionResultMessage result) {
                return length(result.text());
            }
            if (message instanceof AiMessage ai) {
                long sum = length(ai.text());
                if (ai.hasToolExecutionRequests()) {
                    for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
                        sum += length(call.arguments());
                    }
                }
                return sum;
            }
            return 0;
        }

        private static long length(String text) {
            return text == null ? 0 : text.length();
        }
    }

    /** Builds {@link ConsumptionLimits}; every limit is off until set. */
    public static final class Builder {
        private int maxMessageChars = Integer.MAX_VALUE;
        private long maxRequestChars = Long.MAX_VALUE;
        private int maxMessages = Integer.MAX_VALUE;
        private int maxToolResults = Integer.MAX_VALUE;
        private long requestsPerWindow;
        private long charactersPerWindow;
        private Duration window = Duration.ofMinutes(1);
        private int maxPrincipals = 100_000;
        private LongSupplier nanoClock = System::nanoTime;

        private Builder() {
        }

        /**
         * Sets the most characters one message may have, 1 or more.
         *
         * @param chars the chars
         * @return this builder
         */
        public Builder maxMessageChars(int chars) {
            this.maxMessageChars = positive("maxMessageChars", chars);
            return this;
        }

        /**
         * Sets the most characters all messages of a request may have together, 1 or more.
         *
         * @param chars the chars
         * @return this builder
         */
        public Builder maxRequestChars(long chars) {
            if (chars < 1) {
                throw new IllegalArgumentException("maxRequestChars must be at least 1, was " + chars);
            }
            this.maxRequestChars = chars;
            return this;
        }

        /**
         * Sets the most messages a request may have, 1 or more.
         *
         * @param count the count
         * @return this builder
         */
        public Builder maxMessages(int count) {
            this.maxMessages = positive("maxMessages", count);
            return this;
        }

        /**
         * Sets the most tool results a request may have, 0 or more.
         *
         * @param count the count
         * @return this builder
         */
        public Builder maxToolResults(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("maxToolResults must be at least 0, was " + count);
            }
            this.maxToolResults = count;
            return this;
        }

        /**
         * Limits each principal to {@code requests} calls and {@code characters} request characters per window.
         *
         * @param requests calls per window, 1 or more
         * @param characters request characters per window, 1 or more
         * @param per the window, at least a millisecond
         * @return this builder
         */
        public Builder rateLimit(long requests, long characters, Duration per) {
            Objects.requireNonNull(per, "window");
            if (requests < 1 || characters < 1) {
                throw new IllegalArgumentException("rate limit needs at least 1 request and 1 character per window, was "
                        + requests + " and " + characters);
            }
            if (per.compareTo(Duration.ofMillis(1)) < 0 || per.compareTo(Duration.ofDays(365)) > 0) {
                throw new IllegalArgumentException("rate limit window must be between 1 ms and 365 days, was " + per);
            }
            this.requestsPerWindow = requests;
            this.charactersPerWindow = characters;
            this.window = per;
            return this;
        }

        /**
         * Sets how many principals' buckets are held at most, 1 or more (default 100,000).
         *
         * @param count the count
         * @return this builder
         */
        public Builder maxPrincipals(int count) {
            this.maxPrincipals = positive("maxPrincipals", count);
            return this;
        }

        /** Sets the clock, in nanoseconds, for tests. */
        Builder nanoClock(LongSupplier clock) {
            this.nanoClock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Returns the limits.
         *
         * @return the limits
         */
        public ConsumptionLimits build() {
            return new ConsumptionLimits(this);
        }

        private static int positive(String name, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, was " + value);
            }
            return value;
        }
    }
}
