package dev.guard4j.examples;

import dev.guard4j.Guard;
import dev.guard4j.StreamingOptions;
import dev.guard4j.filters.pii.PiiFilter;
import dev.guard4j.filters.redact.Action;
import dev.guard4j.testing.ScriptedStreamingChatModel;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Replaces personal data with stable placeholders before the model sees it and restores the
 * originals in the streamed answer, even when a placeholder arrives split across tokens.
 */
public final class PseudonymisationExample {

    static final String PROMPT = "Please e-mail john.smith@example.com and call +1 415-555-0100 to confirm Tuesday's meeting.";

    /** What the model saw, the tokens it streamed and what the caller received. */
    record Result(String modelSaw, List<String> modelTokens, List<String> callerChunks, String answer) {
    }

    private PseudonymisationExample() {
    }

    /**
     * Runs the example and prints the round trip.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out);
    }

    static Result run(PrintStream out) {
        // the demo model answers with the placeholders it was given, streamed three characters at a time
        String scripted = "I will write to <EMAIL_1> and call <PHONE_1> this afternoon.";
        ScriptedStreamingChatModel model = DemoModel.streaming(scripted);
        PiiFilter pseudonymise = PiiFilter.builder()
                .action("EMAIL", Action.PSEUDONYMISE)
                .action("PHONE", Action.PSEUDONYMISE)
                .build();
        StreamingChatModel safe = Guard.builder()
                .input(pseudonymise)
                .output(pseudonymise)
                .streaming(StreamingOptions.windowed(16, 32))
                .build()
                .wrap(model);

        List<String> chunks = new ArrayList<>();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        safe.chat(List.of(UserMessage.from(PROMPT)), new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                chunks.add(partial);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        ChatResponse response = done.join();
        String modelSaw = DemoModel.lastUserText(model.takeRequest());
        Result result = new Result(modelSaw, List.of(DemoModel.tokens(scripted)), chunks, response.aiMessage().text());

        out.println("Pseudonymisation round trip (the model is the offline demo model: it streams back the placeholders it was given)");
        out.println("  user wrote:     " + PROMPT);
        out.println("  model saw:      " + result.modelSaw());
        out.println("  model streamed: " + String.join("|", result.modelTokens()));
        out.println("  caller got:     " + String.join("|", result.callerChunks()));
        out.println("  final answer:   " + result.answer());
        return result;
    }
}
