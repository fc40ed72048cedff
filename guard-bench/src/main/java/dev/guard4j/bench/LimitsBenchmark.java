package dev.guard4j.bench;

import dev.guard4j.CallContext;
import dev.guard4j.CallState;
import dev.guard4j.Content;
import dev.guard4j.Verdict;
import dev.guard4j.filters.limits.ConsumptionLimits;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of {@link ConsumptionLimits} on one call: a 4 KB user message at the end of a
 * 10-message request, every limit on, the rate limit drawing on one principal's bucket or on
 * one of 10,000 principals' buckets.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class LimitsBenchmark {

    private ConsumptionLimits limits;
    private ChatRequest request;
    private String lastMessage;
    private CallContext[] principals;
    private int next;

    @Setup
    public void build() {
        limits = ConsumptionLimits.builder()
                .maxMessageChars(20_000).maxRequestChars(200_000).maxMessages(50).maxToolResults(10)
                // an allowance so large the benchmark never hits it: this measures the bookkeeping, not refusals
                .rateLimit(Long.MAX_VALUE / 4, Long.MAX_VALUE / 4, Duration.ofMinutes(1))
                .build();
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(SyntheticText.chars(new Random(1), 2000)));
        for (int i = 0; i < 4; i++) {
            messages.add(UserMessage.from(SyntheticText.chars(new Random(10 + i), 1000)));
            messages.add(AiMessage.from(SyntheticText.chars(new Random(20 + i), 1000)));
        }
        lastMessage = SyntheticText.chars(new Random(2), 4096);
        messages.add(UserMessage.from(lastMessage));
        request = ChatRequest.builder().messages(messages).build();
        principals = new CallContext[10_000];
        for (int i = 0; i < principals.length; i++) {
            principals[i] = CallContext.builder().principal("user-" + i).build();
        }
    }

    @Benchmark
    public Verdict onePrincipal() {
        return limits.validate(lastPiece(principals[0]));
    }

    @Benchmark
    public Verdict tenThousandPrincipals() {
        next = (next + 1) % principals.length;
        return limits.validate(lastPiece(principals[next]));
    }

    @Benchmark
    public Verdict earlierMessageOfTheRequest() {
        return limits.validate(Content.builder(lastMessage, Content.Source.USER).messageIndex(1).request(request)
                .context(principals[0]).state(new CallState()).build());
    }

    private Content lastPiece(CallContext context) {
        return Content.builder(lastMessage, Content.Source.USER).messageIndex(request.messages().size() - 1)
                .request(request).context(context).state(new CallState()).build();
    }
}
