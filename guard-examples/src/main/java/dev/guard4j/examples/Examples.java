package dev.guard4j.examples;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs one example by name: {@code quickstart} (the default), {@code custom-filter},
 * {@code pseudonymisation}, {@code rag}, {@code policy} or {@code bedrock}.
 */
public final class Examples {

    private static final Map<String, Consumer<String[]>> EXAMPLES = new LinkedHashMap<>();

    static {
        EXAMPLES.put("quickstart", Quickstart::main);
        EXAMPLES.put("custom-filter", CustomFilterExample::main);
        EXAMPLES.put("pseudonymisation", PseudonymisationExample::main);
        EXAMPLES.put("rag", RagAssistantExample::main);
        EXAMPLES.put("policy", PolicyFileExample::main);
        EXAMPLES.put("bedrock", args -> {
            try {
                BedrockExample.main(args);
            } catch (Exception e) {
                throw new IllegalStateException("the Bedrock example failed", e);
            }
        });
    }

    private Examples() {
    }

    /**
     * Runs the example named by the first argument, or the quickstart.
     *
     * @param args the example's name, then its own arguments
     */
    public static void main(String[] args) {
        String name = args.length == 0 ? "quickstart" : args[0];
        Consumer<String[]> example = EXAMPLES.get(name);
        if (example == null) {
            System.err.println("unknown example '" + name + "'; choose one of " + EXAMPLES.keySet());
            System.exit(2);
        }
        example.accept(args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length));
    }
}
