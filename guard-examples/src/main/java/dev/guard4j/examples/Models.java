package dev.guard4j.examples;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * Picks the model behind the examples: a real OpenAI-compatible endpoint when
 * {@code OPENAI_API_KEY} is set (with {@code OPENAI_BASE_URL} and {@code OPENAI_MODEL} when not
 * OpenAI's defaults), the offline demo model otherwise.
 */
final class Models {

    private Models() {
    }

    static boolean realModelConfigured() {
        String key = System.getenv("OPENAI_API_KEY");
        return key != null && !key.isBlank();
    }

    static String describe() {
        return realModelConfigured()
                ? "a real model at " + envOr("OPENAI_BASE_URL", "https://api.openai.com/v1") + " (" + envOr("OPENAI_MODEL", "gpt-4o-mini") + ")"
                : "the offline demo model (scripted answers, not a language model; set OPENAI_API_KEY to use a real one)";
    }

    /** Returns the real model if configured, else the demo model. */
    static ChatModel chatModel() {
        if (!realModelConfigured()) {
            return DemoModel.chat();
        }
        return OpenAiChatModel.builder()
                .apiKey(System.getenv("OPENAI_API_KEY"))
                .baseUrl(envOr("OPENAI_BASE_URL", "https://api.openai.com/v1"))
                .modelName(envOr("OPENAI_MODEL", "gpt-4o-mini"))
                .build();
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
