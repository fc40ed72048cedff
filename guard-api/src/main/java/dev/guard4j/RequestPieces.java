package dev.guard4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The inspectable pieces of a request (each user text, tool result, and system or earlier model
 * text when asked), and the request rebuilt from their rewritten texts.
 */
final class RequestPieces {

    /** Where a piece sits in the request: its message, and its place within the message. */
    private record Slot(int message, int part, boolean toolArguments) {
    }

    final List<Content> pieces = new ArrayList<>();
    private final List<Slot> slots = new ArrayList<>();
    /** A description of the first part that cannot be inspected (an image, say), or null. */
    String uninspectable;

    static RequestPieces of(ChatRequest request, Set<Content.Source> inspected, CallContext context, CallState state) {
        RequestPieces result = new RequestPieces();
        List<ChatMessage> messages = request.messages();
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage message = messages.get(i);
            if (message instanceof SystemMessage system) {
                if (inspected.contains(Content.Source.SYSTEM)) {
                    result.add(request, context, state, i, 0, false, system.text(), Content.Source.SYSTEM, null);
                }
            } else if (message instanceof UserMessage user) {
                if (inspected.contains(Content.Source.USER)) {
                    result.addParts(request, context, state, i, user.contents(), Content.Source.USER, null);
                }
            } else if (message instanceof ToolExecutionResultMessage toolResult) {
                if (inspected.contains(Content.Source.TOOL_RESULT)) {
                    result.addParts(request, context, state, i, toolResult.contents(), Content.Source.TOOL_RESULT, toolResult.toolName());
                }
            } else if (message instanceof AiMessage ai) {
                if (inspected.contains(Content.Source.MODEL) && ai.text() != null) {
                    result.add(request, context, state, i, 0, false, ai.text(), Content.Source.MODEL, null);
                }
                if (inspected.contains(Content.Source.TOOL_CALL)) {
                    List<ToolExecutionRequest> calls = ai.toolExecutionRequests();
                    for (int j = 0; j < calls.size(); j++) {
                        String arguments = calls.get(j).arguments() == null ? "" : calls.get(j).arguments();
                        result.add(request, context, state, i, j, true, arguments, Content.Source.TOOL_CALL, calls.get(j).name());
                    }
                }
            } else if (result.uninspectable == null) {
                result.uninspectable = "message " + i + " of type " + message.type();
            }
        }
        return result;
    }

    private void addParts(ChatRequest request, CallContext context, CallState state, int message,
            List<dev.langchain4j.data.message.Content> parts, Content.Source source, String toolName) {
        for (int j = 0; j < parts.size(); j++) {
            if (parts.get(j) instanceof TextContent text) {
                add(request, context, state, message, j, false, text.text(), source, toolName);
            } else if (uninspectable == null) {
                uninspectable = "message " + message + " part " + j + " of type " + parts.get(j).type();
            }
        }
    }

    private void add(ChatRequest request, CallContext context, CallState state, int message, int part,
            boolean toolArguments, String text, Content.Source source, String toolName) {
        slots.add(new Slot(message, part, toolArguments));
        pieces.add(Content.builder(text == null ? "" : text, source)
                .messageIndex(message)
                .toolName(toolName)
                .request(request)
                .context(context)
                .state(state)
                .build());
    }

    /** Returns the request with each piece's text replaced by {@code texts[i]}; the same request when nothing changed. */
    ChatRequest rebuild(ChatRequest request, String[] texts) {
        List<ChatMessage> messages = new ArrayList<>(request.messages());
        boolean changed = false;
        for (int i = 0; i < slots.size(); i++) {
            if (texts[i].equals(pieces.get(i).text())) {
                continue;
            }
            changed = true;
            Slot slot = slots.get(i);
            messages.set(slot.message, replace(messages.get(slot.message), slot, texts[i]));
        }
        return changed ? request.toBuilder().messages(messages).build() : request;
    }

    private static ChatMessage replace(ChatMessage message, Slot slot, String text) {
        if (message instanceof SystemMessage) {
            return SystemMessage.from(text);
        }
        if (message instanceof UserMessage user) {
            return user.toBuilder().contents(replacePart(user.contents(), slot.part, text)).build();
        }
        if (message instanceof ToolExecutionResultMessage toolResult) {
            return ToolExecutionResultMessage.builder()
                    .id(toolResult.id())
                    .toolName(toolResult.toolName())
                    .contents(replacePart(toolResult.contents(), slot.part, text))
                    .isError(toolResult.isError())
                    .attributes(toolResult.attributes())
                    .build();
        }
        AiMessage ai = (AiMessage) message;
        if (!slot.toolArguments) {
            return ai.toBuilder().text(text).build();
        }
        List<ToolExecutionRequest> calls = new ArrayList<>(ai.toolExecutionRequests());
        calls.set(slot.part, calls.get(slot.part).toBuilder().arguments(text).build());
        return ai.toBuilder().toolExecutionRequests(calls).build();
    }

    private static List<dev.langchain4j.data.message.Content> replacePart(
            List<dev.langchain4j.data.message.Content> parts, int index, String text) {
        List<dev.langchain4j.data.message.Content> copy = new ArrayList<>(parts);
        copy.set(index, TextContent.from(text));
        return copy;
    }
}
