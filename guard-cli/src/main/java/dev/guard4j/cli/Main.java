package dev.guard4j.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * The {@code guard4j-cli} entry point: {@code scan}, {@code audit verify} and {@code policy check}.
 *
 * <pre>{@code
 * java -jar guard4j-cli.jar scan --policy guard.yaml < traffic.jsonl > verdicts.jsonl
 * }</pre>
 *
 * <p>Exit codes: 0 success; 1 the input, the policy or the audit log is bad (the reason is
 * printed); 2 the command line is wrong.
 */
public final class Main {

    /** The exit code of a successful run. */
    public static final int OK = 0;
    /** The exit code when the data (a policy, an audit log, a line of input) is bad. */
    public static final int BAD_DATA = 1;
    /** The exit code when the command line is wrong. */
    public static final int USAGE = 2;

    static final String USAGE_TEXT = """
            Usage: guard4j-cli <command> [options]

            Commands:
              scan [--policy FILE] [--stage input|output]   inspect JSON lines from stdin, one verdict line per input
              audit verify FILE...                          verify the hash chain of audit log files
              policy check FILE                             validate a policy file and print what it does

            Run 'guard4j-cli <command> --help' for a command's options.
            Exit codes: 0 success, 1 bad data (policy, audit log, input line), 2 bad command line.
            """;

    private Main() {
    }

    /**
     * Runs the CLI and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /**
     * Runs the CLI with the given streams, for tests and embedding.
     *
     * @param args the command line
     * @param in standard input
     * @param out standard output
     * @param err standard error
     * @return the exit code
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(USAGE_TEXT);
            return USAGE;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "--help":
            case "-h":
            case "help":
                out.print(USAGE_TEXT);
                return OK;
            case "scan":
                return new ScanCommand(in, out, err).run(rest);
            case "audit":
                return subcommand("audit", "verify", rest, err, out,
                        () -> AuditVerifyCommand.run(Arrays.copyOfRange(rest, 1, rest.length), out, err, System::getenv));
            case "policy":
                return subcommand("policy", "check", rest, err, out, () -> PolicyCheckCommand.run(Arrays.copyOfRange(rest, 1, rest.length), out, err));
            default:
                err.println("guard4j-cli: unknown command '" + args[0] + "'");
                err.print(USAGE_TEXT);
                return USAGE;
        }
    }

    private static int subcommand(String group, String only, String[] rest, PrintStream err, PrintStream out, java.util.function.IntSupplier command) {
        if (rest.length == 1 && (rest[0].equals("--help") || rest[0].equals("-h"))) {
            out.print(USAGE_TEXT);
            return OK;
        }
        if (rest.length == 0 || !rest[0].equals(only)) {
            err.println("guard4j-cli: '" + group + "' takes the subcommand '" + only + "'"
                    + (rest.length == 0 ? "" : ", not '" + rest[0] + "'"));
            err.print(USAGE_TEXT);
            return USAGE;
        }
        return command.getAsInt();
    }
}
