package dev.guard4j.filters.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guard4j.CallContext;
import dev.guard4j.CallState;
import dev.guard4j.Category;
import dev.guard4j.Content;
import dev.guard4j.Verdict;
import dev.guard4j.filters.policy.GuardPolicy;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConsumptionLimitsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    static Stream<Arguments> requestLimits() {
        List<ChatMessage> threeMessages = List.of(SystemMessage.from("s".repeat(10)), AiMessage.from("a".repeat(10)),
                UserMessage.from("u".repeat(10)));
        List<ChatMessage> twoToolResults = List.of(UserMessage.from("q"), AiMessage.from("calling"),
                ToolExecutionResultMessage.from("1", "lookup", "r1"), ToolExecutionResultMessage.from("2", "lookup", "r2"));
        return Stream.of(
                Arguments.of("request under every limit", limits().maxMessages(3).maxRequestChars(30), threeMessages, "PASS"),
                Arguments.of("one message too many", limits().maxMessages(2), threeMessages, "limits.messages"),
                Arguments.of("request one character over", limits().maxRequestChars(29), threeMessages, "limits.request-chars"),
                Arguments.of("message one character over", limits().maxMessageChars(9), threeMessages, "limits.message-chars"),
                Arguments.of("message exactly at the limit", limits().maxMessageChars(10), threeMessages, "PASS"),
                Arguments.of("too many tool results", limits().maxToolResults(1), twoToolResults, "limits.tool-results"),
                Arguments.of("tool results at the limit", limits().maxToolResults(2), twoToolResults, "PASS"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestLimits")
    void enforcesRequestLimitsOnTheLastInspectableMessage(String description, ConsumptionLimits.Builder builder,
            List<ChatMessage> messages, String expected) {
        ConsumptionLimits limits = builder.build();

        Verdict verdict = validateLikeTheGuard(limits, request(messages), CallContext.empty());

        if (expected.equals("PASS")) {
            assertThat(verdict).isEqualTo(Verdict.pass());
        } else {
            assertThat(verdict).isInstanceOf(Verdict.Block.class);
            assertThat(verdict.findings().get(0).detector()).isEqualTo(expected);
        }
    }

    @Test
    void oversizedMessagesAreReportedAsOversizedInput() {
        Verdict verdict = limits().maxMessageChars(5).build().validate(Content.of("123456", Content.Source.USER));

        assertThat(verdict.findings().get(0).category()).isEqualTo(Category.OVERSIZED_INPUT);
    }

    @Test
    void requestLevelChecksRunOnlyOnTheLastInspectableMessage() {
        ConsumptionLimits limits = limits().maxMessages(1).build();
        ChatRequest request = request(List.of(UserMessage.from("first"), AiMessage.from("answer"), UserMessage.from("second")));

        Verdict onFirst = limits.validate(piece(request, 0, "first", new CallState(), CallContext.empty()));
        Verdict onLast = limits.validate(piece(request, 2, "second", new CallState(), CallContext.empty()));

        assertThat(onFirst).isEqualTo(Verdict.pass());
        assertThat(onLast).isInstanceOf(Verdict.Block.class);
    }

    @Test
    void aMessageWithSeveralTextPartsIsCountedOnce() {
        ConsumptionLimits limits = limits().rateLimit(1, 1_000, Duration.ofMinutes(1)).nanoClock(now::get).build();
        ChatRequest request = request(List.of(UserMessage.from(TextContent.from("part one"), TextContent.from("part two"))));
        CallState oneCall = new CallState();

        Verdict first = limits.validate(piece(request, 0, "part one", oneCall, CallContext.empty()));
        Verdict second = limits.validate(piece(request, 0, "part two", oneCall, CallContext.empty()));
        Verdict nextCall = limits.validate(piece(request, 0, "part one", new CallState(), CallContext.empty()));

        assertThat(first).isEqualTo(Verdict.pass());
        assertThat(second).isEqualTo(Verdict.pass());
        assertThat(nextCall).isInstanceOf(Verdict.Block.class);
        assertThat(nextCall.findings().get(0).category()).isEqualTo(ConsumptionLimits.RATE_LIMIT);
    }

    @Test
    void rateLimitRefillsOverTheWindowPerPrincipal() {
        ConsumptionLimits limits = limits().rateLimit(2, 1_000_000, Duration.ofSeconds(10)).nanoClock(now::get).build();
        CallContext alice = CallContext.builder().principal("alice").build();
        CallContext bob = CallContext.builder().principal("bob").build();

        assertThat(call(limits, alice)).isEqualTo(Verdict.pass());
        assertThat(call(limits, alice)).isEqualTo(Verdict.pass());
        assertThat(call(limits, alice)).isInstanceOf(Verdict.Block.class);
        assertThat(call(limits, bob)).isEqualTo(Verdict.pass());
        now.addAndGet(TimeUnit.SECONDS.toNanos(5));
        assertThat(call(limits, alice)).isEqualTo(Verdict.pass());
        assertThat(call(limits, alice)).isInstanceOf(Verdict.Block.class);
    }

    @Test
    void rateLimitCountsCharacters() {
        ConsumptionLimits limits = limits().rateLimit(100, 25, Duration.ofSeconds(10)).nanoClock(now::get).build();
        CallContext alice = CallContext.builder().principal("alice").build();

        assertThat(limits.validate(standalone("x".repeat(20), alice))).isEqualTo(Verdict.pass());
        Verdict over = limits.validate(standalone("x".repeat(10), alice));
        Verdict neverFits = limits.validate(standalone("x".repeat(26), alice));

        assertThat(((Verdict.Block) over).reason()).contains("retry in 2000 ms");
        assertThat(((Verdict.Block) neverFits).reason()).contains("per-window budget");
    }

    @Test
    void callsWithoutAPrincipalShareOneAnonymousBucket() {
        ConsumptionLimits limits = limits().rateLimit(2, 1_000, Duration.ofMinutes(1)).nanoClock(now::get).build();
        CallContext named = CallContext.builder().principal("anonymous").build();

        assertThat(call(limits, CallContext.empty())).isEqualTo(Verdict.pass());
        assertThat(call(limits, CallContext.empty())).isEqualTo(Verdict.pass());
        assertThat(call(limits, CallContext.empty())).isInstanceOf(Verdict.Block.class);
        // a principal that happens to be called "anonymous" has its own bucket
        assertThat(call(limits, named)).isEqualTo(Verdict.pass());
    }

    @Test
    void idleBucketsAreEvictedAndBusyOnesAreNot() {
        ConsumptionLimits limits = limits().rateLimit(1, 1_000, Duration.ofSeconds(1)).maxPrincipals(100)
                .nanoClock(now::get).build();
        for (int i = 0; i < 100; i++) {
            call(limits, CallContext.builder().principal("p" + i).build());
        }

        Verdict whileAllBusy = call(limits, CallContext.builder().principal("late").build());
        now.addAndGet(TimeUnit.SECONDS.toNanos(2));
        Verdict afterIdle = call(limits, CallContext.builder().principal("late").build());

        assertThat(((Verdict.Block) whileAllBusy).reason()).contains("too many principals");
        assertThat(afterIdle).isEqualTo(Verdict.pass());
        assertThat(limits.trackedPrincipals()).isLessThanOrEqualTo(100);
        // eviction lost nothing: a refilled bucket and a fresh one are the same
        assertThat(call(limits, CallContext.builder().principal("p0").build())).isEqualTo(Verdict.pass());
    }

    @Test
    void memoryStaysBoundedWithManyPrincipals() {
        ConsumptionLimits limits = limits().rateLimit(5, 1_000, Duration.ofMillis(10)).maxPrincipals(1_000)
                .nanoClock(now::get).build();
        for (int i = 0; i < 200_000; i++) {
            now.addAndGet(TimeUnit.MICROSECONDS.toNanos(100));
            assertThat(call(limits, CallContext.builder().principal("user-" + i).build())).isEqualTo(Verdict.pass());
        }

        assertThat(limits.trackedPrincipals()).isLessThanOrEqualTo(1_000);
    }

    @Test
    void grantsExactlyTheAllowanceUnderContention() throws Exception {
        ConsumptionLimits limits = limits().rateLimit(1_000, Long.MAX_VALUE / 2, Duration.ofHours(1)).maxPrincipals(4)
                .nanoClock(now::get).build();
        int threads = 16;
        int callsPerThread = 1_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> granted = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            granted.add(pool.submit(() -> {
                start.await();
                int passed = 0;
                for (int i = 0; i < callsPerThread; i++) {
                    // four principals shared by all threads, so buckets are contended
                    CallContext context = CallContext.builder().principal("p" + ((thread + i) % 4)).build();
                    passed += call(limits, context) instanceof Verdict.Pass ? 1 : 0;
                }
                return passed;
            }));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> future : granted) {
            total += future.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        // 16,000 calls against four buckets of 1,000: exactly 4,000 pass, none lost or double-granted
        assertThat(total).isEqualTo(4 * 1_000);
    }

    @Test
    void isNeverMemoised() {
        assertThat(limits().build().memoisable()).isFalse();
    }

    @Test
    void badSettingsFailAtBuildTime() {
        assertThatThrownBy(() -> limits().maxMessageChars(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxMessageChars");
        assertThatThrownBy(() -> limits().rateLimit(1, 1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limits().rateLimit(0, 1, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void factoryReadsLimitsAndRate() {
        Object made = GuardPolicy.createFilter(new ConsumptionLimitsFactory(), String.join("\n",
                "max-message-chars: 5",
                "rate: {requests: 1, characters: 100, window-seconds: 60}"));
        ConsumptionLimits limits = (ConsumptionLimits) made;

        assertThat(limits.validate(Content.of("123456", Content.Source.USER))).isInstanceOf(Verdict.Block.class);
        assertThat(limits.validate(Content.of("1", Content.Source.USER))).isEqualTo(Verdict.pass());
        assertThat(limits.validate(Content.of("1", Content.Source.USER))).isInstanceOf(Verdict.Block.class);
        assertThat(new ConsumptionLimitsFactory().name()).isEqualTo("limits");
    }

    private static ConsumptionLimits.Builder limits() {
        return ConsumptionLimits.builder();
    }

    private static Verdict call(ConsumptionLimits limits, CallContext context) {
        return validateLikeTheGuard(limits, request(List.of(UserMessage.from("hello"))), context);
    }

    /** Validates each user message and tool result of the request in order, as the guard does, stopping at a block. */
    private static Verdict validateLikeTheGuard(ConsumptionLimits limits, ChatRequest request, CallContext context) {
        CallState state = new CallState();
        List<ChatMessage> messages = request.messages();
        for (int i = 0; i < messages.size(); i++) {
            String text;
            Content.Source source;
            if (messages.get(i) instanceof UserMessage user) {
                text = user.singleText();
                source = Content.Source.USER;
            } else if (messages.get(i) instanceof ToolExecutionResultMessage result) {
                text = result.text();
                source = Content.Source.TOOL_RESULT;
            } else {
                continue;
            }
            Verdict verdict = limits.validate(Content.builder(text, source).messageIndex(i).request(request)
                    .context(context).state(state).build());
            if (verdict instanceof Verdict.Block) {
                return verdict;
            }
        }
        return Verdict.pass();
    }

    private static Content piece(ChatRequest request, int index, String text, CallState state, CallContext context) {
        return Content.builder(text, Content.Source.USER).messageIndex(index).request(request).state(state).context(context).build();
    }

    private static Content standalone(String text, CallContext context) {
        return Content.builder(text, Content.Source.USER).context(context).build();
    }

    private static ChatRequest request(List<ChatMessage> messages) {
        return ChatRequest.builder().messages(messages).build();
    }
}
