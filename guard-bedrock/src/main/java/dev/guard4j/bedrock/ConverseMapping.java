package dev.guard4j.bedrock;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.output.FinishReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.AnyToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.AutoToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailConverseContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailConverseTextBlock;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultStatus;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

/** Maps a LangChain4j {@link ChatRequest} to the parts of a Converse request, and stop reasons back. */
final class ConverseMapping {

    private ConverseMapping() {
    }

    /**
     * The parts shared by Converse and ConverseStream.
     *
     * @param modelId the model id
     * @param messages the conversation, roles alternating
     * @param system the system prompt blocks
     * @param inference the inference parameters, or {@code null}
     * @param tools the tool configuration, or {@code null}
     * @param additionalFields model-specific fields ({@code top_k}), or {@code null}
     * @param guardedText the text of the latest user turn (wrapped in {@code guardContent} when guarded), for finding spans
     */
    record Parts(String modelId, List<Message> messages, List<SystemContentBlock> system, InferenceConfiguration inference,
            ToolConfiguration tools, Document additionalFields, String guardedText) {
    }

    /**
     * Maps the request.
     *
     * @param request the request with defaults already applied
     * @param defaultModelId the model id when the request names none
     * @param guarded whether to wrap the latest user turn in {@code guardContent}
     * @return the parts
     */
    static Parts toParts(ChatRequest request, String defaultModelId, boolean guarded) {
        ChatRequestParameters parameters = request.parameters();
        String modelId = parameters != null && parameters.modelName() != null ? parameters.modelName() : defaultModelId;
        List<ChatMessage> chat = request.messages();
        int latestUser = -1;
        for (int i = chat.size() - 1; i >= 0; i--) {
            if (chat.get(i) instanceof UserMessage) {
                latestUser = i;
                break;
            }
        }
        List<SystemContentBlock> system = new ArrayList<>();
        List<Message> messages = new ArrayList<>();
        String guardedText = "";
        for (int i = 0; i < chat.size(); i++) {
            ChatMessage message = chat.get(i);
            if (message instanceof SystemMessage systemMessage) {
                requireText(systemMessage.text(), "system message", i);
                system.add(SystemContentBlock.fromText(systemMessage.text()));
            } else if (message instanceof UserMessage user) {
                String text = userText(user, i);
                if (i == latestUser) {
                    guardedText = text;
                }
                ContentBlock block = guarded && i == latestUser
                        ? ContentBlock.fromGuardContent(GuardrailConverseContentBlock.fromText(
                                GuardrailConverseTextBlock.builder().text(text).build()))
                        : ContentBlock.fromText(text);
                append(messages, ConversationRole.USER, List.of(block));
            } else if (message instanceof AiMessage ai) {
                append(messages, ConversationRole.ASSISTANT, assistantBlocks(ai, i));
            } else if (message instanceof ToolExecutionResultMessage result) {
                ToolResultBlock block = ToolResultBlock.builder()
                        .toolUseId(result.id())
                        .content(ToolResultContentBlock.fromText(result.text() == null ? "" : result.text()))
                        .status(Boolean.TRUE.equals(result.isError()) ? ToolResultStatus.ERROR : ToolResultStatus.SUCCESS)
                        .build();
                // Bedrock wants every result of one assistant turn in a single user message
                append(messages, ConversationRole.USER, List.of(ContentBlock.fromToolResult(block)));
            } else {
                throw new UnsupportedFeatureException("Bedrock Converse: message type " + message.type() + " at index " + i + " is not supported");
            }
        }
        if (messages.isEmpty()) {
            throw new InvalidRequestException("Bedrock Converse needs at least one user message");
        }
        return new Parts(modelId, messages, system, inference(parameters), tools(parameters), additionalFields(parameters),
                guardedText);
    }

    private static String userText(UserMessage user, int index) {
        StringBuilder text = new StringBuilder();
        for (dev.langchain4j.data.message.Content content : user.contents()) {
            if (content instanceof TextContent textContent) {
                text.append(textContent.text());
            } else {
                throw new UnsupportedFeatureException("Bedrock model: user message " + index + " holds " + content.type()
                        + " content; only text is sent");
            }
        }
        requireText(text.toString(), "user message", index);
        return text.toString();
    }

    private static List<ContentBlock> assistantBlocks(AiMessage ai, int index) {
        List<ContentBlock> blocks = new ArrayList<>();
        if (ai.text() != null && !ai.text().isBlank()) {
            blocks.add(ContentBlock.fromText(ai.text()));
        }
        for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
            blocks.add(ContentBlock.fromToolUse(ToolUseBlock.builder()
                    .toolUseId(call.id()).name(call.name()).input(DocumentJson.fromJson(call.arguments())).build()));
        }
        if (blocks.isEmpty()) {
            throw new InvalidRequestException("Bedrock Converse: assistant message " + index + " has neither text nor tool calls");
        }
        return blocks;
    }

    private static void append(List<Message> messages, ConversationRole role, List<ContentBlock> blocks) {
        if (!messages.isEmpty() && messages.get(messages.size() - 1).role() == role) {
            Message previous = messages.remove(messages.size() - 1);
            List<ContentBlock> merged = new ArrayList<>(previous.content());
            merged.addAll(blocks);
            messages.add(Message.builder().role(role).content(merged).build());
        } else {
            messages.add(Message.builder().role(role).content(blocks).build());
        }
    }

    private static InferenceConfiguration inference(ChatRequestParameters parameters) {
        if (parameters == null) {
            return null;
        }
        if (parameters.frequencyPenalty() != null || parameters.presencePenalty() != null) {
            throw new UnsupportedFeatureException("Bedrock Converse has no frequency or presence penalty");
        }
        if (parameters.responseFormat() != null && parameters.responseFormat().type() == ResponseFormatType.JSON) {
            throw new UnsupportedFeatureException("Bedrock Converse here supports no JSON response format; describe the format in the prompt or use a tool");
        }
        InferenceConfiguration.Builder inference = InferenceConfiguration.builder();
        boolean any = false;
        if (parameters.maxOutputTokens() != null) {
            inference.maxTokens(parameters.maxOutputTokens());
            any = true;
        }
        if (parameters.temperature() != null) {
            inference.temperature(parameters.temperature().floatValue());
            any = true;
        }
        if (parameters.topP() != null) {
            inference.topP(parameters.topP().floatValue());
            any = true;
        }
        if (parameters.stopSequences() != null && !parameters.stopSequences().isEmpty()) {
            inference.stopSequences(parameters.stopSequences());
            any = true;
        }
        return any ? inference.build() : null;
    }

    private static Document additionalFields(ChatRequestParameters parameters) {
        // Converse has no top-k; Anthropic, Mistral and Llama models on Bedrock take it as "top_k"
        if (parameters == null || parameters.topK() == null) {
            return null;
        }
        return Document.mapBuilder().putNumber("top_k", parameters.topK()).build();
    }

    private static ToolConfiguration tools(ChatRequestParameters parameters) {
        if (parameters == null || parameters.toolSpecifications() == null || parameters.toolSpecifications().isEmpty()) {
            return null;
        }
        if (parameters.toolChoice() == dev.langchain4j.model.chat.request.ToolChoice.NONE) {
            return null;
        }
        List<Tool> tools = new ArrayList<>();
        for (ToolSpecification spec : parameters.toolSpecifications()) {
            tools.add(Tool.fromToolSpec(software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification.builder()
                    .name(spec.name())
                    .description(spec.description() == null || spec.description().isBlank() ? spec.name() : spec.description())
                    .inputSchema(ToolInputSchema.fromJson(schema(spec.parameters())))
                    .build()));
        }
        ToolChoice choice = parameters.toolChoice() == dev.langchain4j.model.chat.request.ToolChoice.REQUIRED
                ? ToolChoice.fromAny(AnyToolChoice.builder().build())
                : ToolChoice.fromAuto(AutoToolChoice.builder().build());
        return ToolConfiguration.builder().tools(tools).toolChoice(choice).build();
    }

    static Document schema(JsonObjectSchema parameters) {
        if (parameters == null) {
            return Document.mapBuilder().putString("type", "object").putDocument("properties", Document.mapBuilder().build()).build();
        }
        Map<String, Object> map = JsonSchemaElementUtils.toMap(parameters);
        return DocumentJson.fromMap(map);
    }

    /**
     * Maps a stop reason to LangChain4j's finish reason.
     *
     * @throws BedrockResponseException for a stop reason this version does not know
     */
    static FinishReason finishReason(StopReason reason, String raw) {
        if (reason == null) {
            throw new BedrockResponseException("Bedrock answer has no stop reason");
        }
        switch (reason) {
            case END_TURN:
            case STOP_SEQUENCE:
                return FinishReason.STOP;
            case MAX_TOKENS:
            case MODEL_CONTEXT_WINDOW_EXCEEDED:
                return FinishReason.LENGTH;
            case TOOL_USE:
                return FinishReason.TOOL_EXECUTION;
            case GUARDRAIL_INTERVENED:
            case CONTENT_FILTERED:
                return FinishReason.CONTENT_FILTER;
            case MALFORMED_MODEL_OUTPUT:
            case MALFORMED_TOOL_USE:
                throw new BedrockResponseException("Bedrock reports malformed model output (stop reason '" + raw + "')");
            default:
                throw new BedrockResponseException("Bedrock answer has a stop reason this version does not know: '" + raw + "'");
        }
    }

    private static void requireText(String text, String what, int index) {
        if (text == null || text.isEmpty()) {
            throw new InvalidRequestException("Bedrock Converse: " + what + " at index " + index + " is empty");
        }
    }
}
