package dev.guard4j.bench;

import dev.guard4j.Content;
import dev.guard4j.Guard;
import dev.guard4j.Verdict;
import dev.guard4j.bedrock.BedrockChatModel;
import dev.guard4j.bedrock.BedrockGuardrail;
import dev.guard4j.bedrock.BedrockGuardrailFilter;
import dev.guard4j.bedrock.emulator.Assessments;
import dev.guard4j.bedrock.emulator.BedrockEmulator;
import dev.guard4j.bedrock.emulator.Reply;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

/**
 * What guard-bedrock adds to a Bedrock call: the SDK call alone, through {@code BedrockChatModel}
 * (request and response mapping), through a {@code Guard} around it, and one ApplyGuardrail check
 * with a PII rewrite, all against the local emulator on loopback, so that the network and Bedrock's
 * own time are left out and what remains is the SDK (signing, HTTP, JSON) plus our mapping.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BedrockBenchmark {

    private static final String PROMPT = "How do I return a pair of shoes that arrived damaged?";
    private static final String MODEL = "anthropic.claude-3-haiku-20240307-v1:0";

    private BedrockEmulator emulator;
    private BedrockRuntimeClient client;
    private ConverseRequest sdkRequest;
    private ChatModel bedrock;
    private ChatModel guarded;
    private BedrockGuardrailFilter filter;
    private Content content;

    @Setup
    public void setUp() {
        emulator = BedrockEmulator.start().discardRequests();
        emulator.whenNoModelReply(request -> Reply.text("Send them back with the prepaid label in the box."));
        emulator.whenNoGuardrailReply(request -> Reply.guardrailIntervened("Write to {EMAIL}.",
                Assessments.pii("EMAIL", "jane.doe@example.com", "ANONYMIZED")));
        client = emulator.syncClient();
        sdkRequest = ConverseRequest.builder().modelId(MODEL)
                .messages(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText(PROMPT)).build()).build();
        bedrock = BedrockChatModel.builder().client(client).modelId(MODEL).guardrail(BedrockGuardrail.of("gr-bench", "1")).build();
        guarded = Guard.builder().verdictCacheSize(0).build().wrap(bedrock);
        filter = BedrockGuardrailFilter.builder().client(client).guardrail("gr-bench", "1").build();
        content = Content.of("Write to jane.doe@example.com.", Content.Source.MODEL);
    }

    @TearDown
    public void tearDown() {
        client.close();
        emulator.close();
    }

    /**
     * The SDK's Converse call alone, for reference.
     *
     * @return the result
     */
    @Benchmark
    public ConverseResponse sdkConverse() {
        return client.converse(sdkRequest);
    }

    /**
     * The same call through BedrockChatModel: LangChain4j request in, guardContent, response mapping out.
     *
     * @return the result
     */
    @Benchmark
    public ChatResponse bedrockChatModel() {
        return bedrock.chat(dev.langchain4j.model.chat.request.ChatRequest.builder()
                .messages(dev.langchain4j.data.message.UserMessage.from(PROMPT)).build());
    }

    /**
     * BedrockChatModel inside a Guard with no filters: adds the guard's context, digests and audit event.
     *
     * @return the result
     */
    @Benchmark
    public ChatResponse guardedBedrockChatModel() {
        return guarded.chat(dev.langchain4j.model.chat.request.ChatRequest.builder()
                .messages(dev.langchain4j.data.message.UserMessage.from(PROMPT)).build());
    }

    /**
     * One ApplyGuardrail check that anonymizes an e-mail: request, assessment mapping, rewrite.
     *
     * @return the result
     */
    @Benchmark
    public Verdict applyGuardrailFilter() {
        return filter.check(content);
    }
}
