package dev.guard4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The inspectable pieces of a model's answer (its text, its reasoning text, each tool call's
 * arguments), and the answer rebuilt from their checked texts.
 */
final class AnswerPieces {

    private static final int TEXT = -1;
    private static final int THINKING = -2;

    final List<Content> pieces = new ArrayList<>();
    private final List<Integer> slots = new ArrayList<>();

    static AnswerPieces of(ChatRequest request, ChatResponse response, CallContext context, CallState state,
            boolean includeText) {
        AnswerPieces result = new AnswerPieces();
        AiMessage ai = response.aiMessage();
        if (ai == null) {
            return result;
        }
        if (includeText && ai.text() != null) {
            result.add(request, response, context, state, TEXT, ai.text(), Content.Source.MODEL, null);
        }
        if (ai.thinking() != null && !ai.thinking().isEmpty()) {
            result.add(request, response, context, state, THINKING, ai.thinking(), Content.Source.MODEL, null);
        }
        List<ToolExecutionRequest> calls = ai.toolExecutionRequests();
        for (int j = 0; j < calls.size(); j++) {
            String arguments = calls.get(j).arguments() == null ? "" : calls.get(j).arguments();
            result.add(request, response, context, state, j, arguments, Content.Source.TOOL_CALL, calls.get(j).name());
        }
        return result;
    }

    private void add(ChatRequest request, ChatResponse response, CallContext context, CallState state, int slot,
            String text, Content.Source source, String toolName) {
        slots.add(slot);
        pieces.add(Content.builder(text, source)
                .toolName(toolName)
                .request(request)
                .response(response)
                .context(context)
                .state(state)
                .build());
    }

    /** Returns the response with each piece's text replaced by {@code texts[i]}, and the text by {@code finalText} when not null. */
    ChatResponse rebuild(ChatResponse response, String[] texts, String finalText) {
        AiMessage ai = response.aiMessage();
        if (ai == null) {
            return response;
        }
        AiMessage.Builder builder = ai.toBuilder();
        List<ToolExecutionRequest> calls = new ArrayList<>(ai.toolExecutionRequests());
        boolean changed = false;
        for (int i = 0; i < slots.size(); i++) {
            if (texts[i].equals(pieces.get(i).text())) {
                continue;
            }
            changed = true;
            int slot = slots.get(i);
            if (slot == TEXT) {
                builder.text(texts[i]);
            } else if (slot == THINKING) {
                builder.thinking(texts[i]);
            } else {
                calls.set(slot, calls.get(slot).toBuilder().arguments(texts[i]).build());
            }
        }
        if (finalText != null && !finalText.equals(ai.text())) {
            builder.text(finalText);
            changed = true;
        }
        if (!changed) {
            return response;
        }
        builder.toolExecutionRequests(calls);
        return response.toBuilder().aiMessage(builder.build()).build();
    }
}
