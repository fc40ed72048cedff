package dev.guard4j.bench;

import dev.guard4j.Content;
import dev.guard4j.Verdict;
import dev.guard4j.filters.output.CodeFilter;
import dev.guard4j.filters.output.JsonOutputFilter;
import dev.guard4j.filters.output.LinkFilter;
import dev.guard4j.filters.output.SystemPromptLeakFilter;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
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

/** The cost of each output filter on a clean 4 KB answer (the common case: nothing found); sample time, so the report gives p50. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class OutputFiltersBenchmark {

    private final SystemPromptLeakFilter leak = SystemPromptLeakFilter.builder().canary().build();
    private final LinkFilter links = LinkFilter.builder().allow("example.com").build();
    private final CodeFilter code = CodeFilter.ofDefaults();
    private final JsonOutputFilter json = JsonOutputFilter.ofDefaults();
    private Content answer;
    private Content jsonAnswer;

    @Setup
    public void build() {
        String prose = SyntheticText.chars(new Random(3), 4000) + " See https://example.com/docs?page=2 for more.";
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(leak.withCanary(SyntheticText.chars(new Random(4), 1500))), UserMessage.from("q"))
                .build();
        answer = Content.builder(prose, Content.Source.MODEL).request(request)
                .response(ChatResponse.builder().aiMessage(AiMessage.from(prose)).build()).build();
        StringBuilder items = new StringBuilder("{\"items\": [");
        for (int i = 0; i < 80; i++) {
            items.append(i == 0 ? "" : ", ").append("{\"id\": ").append(i).append(", \"name\": \"item number ").append(i).append("\"}");
        }
        String jsonText = items.append("]}").toString();
        jsonAnswer = Content.builder(jsonText, Content.Source.MODEL).request(request)
                .response(ChatResponse.builder().aiMessage(AiMessage.from(jsonText)).build()).build();
    }

    @Benchmark
    public Verdict systemPromptLeak() {
        return leak.check(answer);
    }

    @Benchmark
    public Verdict links() {
        return links.check(answer);
    }

    @Benchmark
    public Verdict code() {
        return code.check(answer);
    }

    @Benchmark
    public Verdict jsonOutput() {
        return json.check(jsonAnswer);
    }
}
