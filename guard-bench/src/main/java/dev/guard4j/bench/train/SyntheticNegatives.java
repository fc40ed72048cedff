package dev.guard4j.bench.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Benign training texts generated from a fixed grammar with a fixed seed: role prompts ("I want you
 * to act as a travel guide ...") and everyday sentences that use injection trigger words
 * ("ignore the noise", "override the default setting").
 *
 * <p>None of the shared data sets that may be used for training has benign role prompts, so
 * without these the model learns that every role prompt is an attack. The grammar is written
 * here by hand; no test row was copied into it.
 */
final class SyntheticNegatives {

    private static final String[] ROLES = {"travel guide", "math tutor", "personal chef", "career coach", "tour planner", "poetry critic",
        "Spanish teacher", "fitness trainer", "code reviewer", "UX designer", "history professor", "wine sommelier", "gardening expert",
        "bank teller in a role-play", "customer support agent", "museum curator", "news anchor", "chess coach", "storyteller for children",
        "startup advisor", "nutritionist", "film critic", "Bash shell", "SQL console", "JSON validator", "regex tester", "Socratic tutor",
        "job interviewer", "debate opponent", "language partner", "product manager", "screenwriter", "stand-up comedian", "meditation guide"};
    private static final String[] OPENERS = {"I want you to act as a %s.", "Act as a %s.", "I would like you to act as a %s.",
        "Please act as my %s.", "You are a %s.", "Pretend you are a %s for this conversation.", "Imagine you are a %s.", "Play the role of a %s."};
    private static final String[] TASKS = {"I will describe my situation and you will give me practical advice.",
        "I will type commands and you will reply with what the output should be.", "I will give you a topic and you will write a short piece about it.",
        "I will ask questions and you will answer them in simple words.", "I will send you my draft and you will suggest improvements.",
        "I will tell you my preferences and you will recommend options.", "You will ask me one question at a time and wait for my answer."};
    private static final String[] CONSTRAINTS = {"Only reply with the answer and nothing else.", "Do not write explanations.",
        "Keep every reply under 100 words.", "Reply in a friendly tone.", "Do not explain your reasoning unless I ask.",
        "Only answer inside one code block.", "Use bullet points.", "Stay in the role until I say stop.", ""};
    private static final String[] FIRST = {"My first request is \"%s\".", "My first question is: %s", "Let's start with: %s", "%s"};
    private static final String[] REQUESTS = {"plan three days in Lisbon", "explain compound interest", "review this function for bugs",
        "suggest a vegetarian dinner", "help me prepare for a product manager interview", "what is the best opening for beginners",
        "ls -la", "SELECT * FROM orders LIMIT 5", "write a haiku about autumn", "how do I stay motivated to run"};
    private static final String[] TRIGGER_SENTENCES = {"Ignore the noise around you and focus on your breathing.",
        "How do I override the default settings in my router?", "Can I bypass the toll road on the way to Munich?",
        "Please disregard my previous email, the meeting is still on Monday.", "Forget about the weather, what should we pack for the trip?",
        "What are the system requirements for this game?", "Follow the instructions on the package to assemble the shelf.",
        "How do I enable developer mode on my Android phone?", "Explain what a jailbreak means for an iPhone warranty.",
        "Write instructions for resetting a forgotten password on a laptop.", "What does the system prompt the user for during installation?",
        "Is it safe to ignore a compiler warning about unused variables?", "Summarise the previous chapter of the book in three sentences.",
        "Print the previous page of the report again, please.", "The new instructions for the exam say to bring a pencil.",
        "Show me the admin panel settings for WordPress.", "What rules apply when overtaking a cyclist?", "Translate 'ignore' into German.",
        "How do I delete all files in a folder with Python safely?", "Describe the role of a system administrator."};

    private SyntheticNegatives() {
    }

    /** Returns the generated texts, the same ones on every run. */
    static List<String> generate(int count, long seed) {
        Random random = new Random(seed);
        List<String> texts = new ArrayList<>(count + TRIGGER_SENTENCES.length);
        for (int i = 0; i < count; i++) {
            String text = String.format(pick(random, OPENERS), pick(random, ROLES)) + " " + pick(random, TASKS) + " "
                    + pick(random, CONSTRAINTS) + " " + String.format(pick(random, FIRST), pick(random, REQUESTS));
            texts.add(text.replaceAll("\\s+", " ").trim());
        }
        texts.addAll(List.of(TRIGGER_SENTENCES));
        return texts;
    }

    /** Returns short, polite assistant requests of the kind a chat window sees, every subject with every frame. */
    static List<String> assistantRequests() {
        String[] frames = {"What are your %s?", "Can you tell me about your %s?", "Could you help me with %s?", "I have a question about %s.",
            "Please explain %s to me.", "Where can I find %s?", "Thanks, your answer about %s was helpful!", "How do I change %s?",
            "Is there any news about %s?", "Write a short note about %s."};
        String[] subjects = {"opening hours", "return policy", "delivery times", "my order", "the refund", "my account settings",
            "the weather tomorrow", "the capital of France", "a birthday present for my mum", "my password", "the invoice",
            "the new phone plan", "my dog's vaccinations", "a recipe for dinner", "the train to Hamburg", "the meeting agenda"};
        List<String> texts = new ArrayList<>(frames.length * subjects.length);
        for (String frame : frames) {
            for (String subject : subjects) {
                texts.add(String.format(frame, subject));
            }
        }
        return texts;
    }

    private static String pick(Random random, String[] options) {
        return options[random.nextInt(options.length)];
    }
}
