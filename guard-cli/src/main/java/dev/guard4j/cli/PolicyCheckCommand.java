package dev.guard4j.cli;

import dev.guard4j.filters.policy.GuardPolicy;
import dev.guard4j.filters.policy.PolicyException;
import java.io.PrintStream;
import java.nio.file.Path;

/** {@code policy check FILE}: loads a policy (every filter made) and prints a summary, or the located error. */
final class PolicyCheckCommand {

    static final String HELP = """
            Usage: guard4j-cli policy check FILE

            Loads the policy (YAML or JSON) as GuardPolicy.load does, making every filter it names,
            and prints OK with a summary, or the first error with its file, line, column, key and hint.
            Environment variables the policy names (audit.log.hmac-key-env) are checked too.
            Exit codes: 0 valid, 1 invalid, 2 bad command line.
            """;

    private PolicyCheckCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.print(HELP);
            return Main.OK;
        }
        if (args.length != 1 || args[0].startsWith("-")) {
            err.println("guard4j-cli policy check: expected one policy file");
            err.print(HELP);
            return Main.USAGE;
        }
        try {
            GuardPolicy policy = GuardPolicy.load(Path.of(args[0]));
            policy.checkEnvironment();
            out.println("OK " + args[0]);
            out.print(policy.summary());
            return Main.OK;
        } catch (PolicyException e) {
            err.println(e.getMessage());
            return Main.BAD_DATA;
        } catch (java.nio.file.InvalidPathException e) {
            err.println("guard4j-cli policy check: not a valid path: " + args[0]);
            return Main.USAGE;
        }
    }
}
