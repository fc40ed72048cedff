package dev.guard4j.examples;

import dev.guard4j.CallContext;
import dev.guard4j.Guard;
import dev.guard4j.filters.policy.GuardPolicy;
import dev.langchain4j.model.chat.ChatModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A custom filter ({@link OwnTicketsOnly}) used twice: in code, and from a policy file that
 * references its factory by class name.
 */
public final class CustomFilterExample {

    /** One question and its answer. */
    record Row(String principal, String question, String answer) {
    }

    private CustomFilterExample() {
    }

    /**
     * Runs the example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out);
    }

    static List<Row> run(PrintStream out) {
        ChatModel inCode = Guard.builder()
                .input(new OwnTicketsOnly(Map.of("T-10001", "alice", "T-20001", "bob")))
                .blockedInputMessage("Sorry, I can only help with your own tickets.")
                .build()
                .wrap(Models.chatModel());
        ChatModel fromPolicy = GuardPolicy.load(policyFile()).toGuard().wrap(Models.chatModel());

        List<Row> rows = new ArrayList<>();
        out.println("Custom filter, in code and from support-with-tickets.yaml, against " + Models.describe());
        for (ChatModel model : List.of(inCode, fromPolicy)) {
            rows.add(ask(out, model, "alice", "What is the status of ticket T-10001?"));
            rows.add(ask(out, model, "alice", "What is the status of ticket T-20001?"));
        }
        return rows;
    }

    private static Row ask(PrintStream out, ChatModel model, String principal, String question) {
        try (CallContext.Scope scope = CallContext.builder().principal(principal).build().makeCurrent()) {
            String answer = model.chat(question);
            out.println("  " + principal + "> " + question);
            out.println("        " + answer);
            return new Row(principal, question, answer);
        }
    }

    /** Copies the policy from the classpath to a file, as a policy usually lives on disk. */
    static Path policyFile() {
        try (InputStream in = CustomFilterExample.class.getResourceAsStream("support-with-tickets.yaml")) {
            Path file = Files.createTempFile("support-with-tickets", ".yaml");
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
