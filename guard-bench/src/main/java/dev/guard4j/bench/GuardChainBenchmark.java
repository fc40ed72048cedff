package dev.guard4j.bench;

import dev.guard4j.Guard;
import dev.guard4j.Verdict;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the guard itself costs per call and per KB: a call through a wrapper with no filter and
 * with one pass-through filter (the hand-off to the filter thread), against the model alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GuardChainBenchmark {

    @Param({"1024", "102400"})
    public int size;

    private ChatModel bare;
    private ChatModel emptyGuard;
    private ChatModel passThroughGuard;
    private String prompt;

    @Setup
    public void setUp() {
        ChatResponse answer = ChatResponse.builder().aiMessage(AiMessage.from("ok")).build();
        bare = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                return answer;
            }
        };
        emptyGuard = Guard.builder().verdictCacheSize(0).build().wrap(bare);
        passThroughGuard = Guard.builder().input(input -> Verdict.pass()).verdictCacheSize(0).build().wrap(bare);
        prompt = BenchTexts.prose(size);
    }

    /**
     * The model alone, for reference.
     *
     * @return the result
     */
    @Benchmark
    public ChatResponse bareModel() {
        return bare.chat(ChatRequest.builder().messages(dev.langchain4j.data.message.UserMessage.from(prompt)).build());
    }

    /**
     * A guard with no filter: context, digests, audit event.
     *
     * @return the result
     */
    @Benchmark
    public ChatResponse guardWithoutFilters() {
        return emptyGuard.chat(ChatRequest.builder().messages(dev.langchain4j.data.message.UserMessage.from(prompt)).build());
    }

    /**
     * A guard with one filter that passes everything: adds the hand-off to the filter thread and the memo key.
     *
     * @return the result
     */
    @Benchmark
    public ChatResponse guardWithOnePassThroughFilter() {
        return passThroughGuard.chat(ChatRequest.builder().messages(dev.langchain4j.data.message.UserMessage.from(prompt)).build());
    }

}
