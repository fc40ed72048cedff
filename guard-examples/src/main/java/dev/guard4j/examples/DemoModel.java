package dev.guard4j.examples;

import dev.guard4j.testing.ScriptedChatModel;
import dev.guard4j.testing.ScriptedStreamingChatModel;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The offline model behind the examples: a scripted demo model, not a language model. Its
 * answers are written to show each protection at work (an answer that leaks a secret, one that
 * repeats the system prompt, one that echoes pseudonyms back).
 */
final class DemoModel {

    private DemoModel() {
    }

    /** Returns a chat model that answers every request with {@link #answer(ChatRequest)}. */
    static ScriptedChatModel chat() {
        return new ScriptedChatModel().otherwise(request ->
                ChatResponse.builder().aiMessage(AiMessage.from(answer(request))).finishReason(FinishReason.STOP).build());
    }

    /** Returns a streaming model that streams the given answers, three characters a token, as a real model would in pieces. */
    static ScriptedStreamingChatModel streaming(String... answers) {
        ScriptedStreamingChatModel model = new ScriptedStreamingChatModel();
        for (String answer : answers) {
            model.enqueueTokens(tokens(answer));
        }
        return model;
    }

    static String[] tokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < text.length(); i += 3) {
            tokens.add(text.substring(i, Math.min(text.length(), i + 3)));
        }
        return tokens.toArray(String[]::new);
    }

    /** The scripted answer to a request, chosen by what the last user message asks. */
    static String answer(ChatRequest request) {
        String question = lastUserText(request).toLowerCase(Locale.ROOT);
        if (question.contains("opening hours")) {
            return "We are open from 9:00 to 17:00, Monday to Friday.";
        }
        if (question.contains("e-mail") || question.contains("email")) {
            return "Done. I have updated the e-mail address on your profile.";
        }
        if (question.contains("database")) {
            return "Connect from the bastion host with postgres://app_admin:Tr0ub4dor-and-3@db.internal.acme.example:5432/prod";
        }
        if (question.contains("instructions") || question.contains("told")) {
            return "Of course. My instructions are: " + systemText(request);
        }
        if (question.contains("playbook")) {
            return "Here it is: " + RagAssistantExample.PRICING_PLAYBOOK;
        }
        if (question.contains("refund policy")) {
            return "Refunds are available within 30 days of purchase with a receipt.";
        }
        return "(demo model) I received: " + lastUserText(request);
    }

    static String lastUserText(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof UserMessage user && user.hasSingleText()) {
                return user.singleText();
            }
        }
        return "";
    }

    private static String systemText(ChatRequest request) {
        return request.messages().stream()
                .filter(SystemMessage.class::isInstance)
                .map(message -> ((SystemMessage) message).text())
                .findFirst()
                .orElse("(none)");
    }
}
