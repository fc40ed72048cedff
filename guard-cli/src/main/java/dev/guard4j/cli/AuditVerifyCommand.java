package dev.guard4j.cli;

import dev.guard4j.filters.audit.AuditLog;
import dev.guard4j.filters.audit.AuditLogVerification;
import dev.guard4j.filters.audit.AuditLogVerifier;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** {@code audit verify FILE...}: checks the hash chain of audit log files with {@link AuditLogVerifier}. */
final class AuditVerifyCommand {

    static final String HELP = """
            Usage: guard4j-cli audit verify [--hmac-key-env VAR | --hmac-key-file FILE] [--open-end] [--missing-start] FILE|DIR...

            Verifies audit log files written by dev.guard4j.filters.audit.AuditLog as one chain, in the order
            given (a folder stands for its log files, oldest first). Prints "OK: ..." with the record count,
            or the first bad line and why, with the size of the valid prefix.

            Options:
              --hmac-key-env VAR    the log is signed with HMAC-SHA256 under the key in this environment variable
              --hmac-key-file FILE  the same, with the key read from a file (a trailing newline is ignored)
              --open-end            accept a last file without its closing seal (a log still being written)
              --missing-start       accept a first file that does not start the chain (older files archived)
            Exit codes: 0 the log verifies, 1 it does not, 2 bad command line.
            """;

    private AuditVerifyCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err, UnaryOperator<String> environment) {
        byte[] key = null;
        boolean openEnd = false;
        boolean missingStart = false;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help":
                case "-h":
                    out.print(HELP);
                    return Main.OK;
                case "--open-end":
                    openEnd = true;
                    break;
                case "--missing-start":
                    missingStart = true;
                    break;
                case "--hmac-key-env":
                case "--hmac-key-file":
                    if (key != null) {
                        return usage(err, "give one HMAC key");
                    }
                    if (i + 1 >= args.length) {
                        return usage(err, "option " + arg + " needs a value");
                    }
                    String value = args[++i];
                    if (arg.equals("--hmac-key-env")) {
                        String fromEnvironment = environment.apply(value);
                        if (fromEnvironment == null || fromEnvironment.isEmpty()) {
                            err.println("guard4j-cli audit verify: environment variable " + value + " is not set");
                            return Main.USAGE;
                        }
                        key = fromEnvironment.getBytes(StandardCharsets.UTF_8);
                    } else {
                        try {
                            String text = Files.readString(Path.of(value), StandardCharsets.UTF_8);
                            key = text.strip().getBytes(StandardCharsets.UTF_8);
                        } catch (IOException | InvalidPathException e) {
                            err.println("guard4j-cli audit verify: cannot read the key file " + value + ": " + e.getMessage());
                            return Main.USAGE;
                        }
                    }
                    break;
                default:
                    if (arg.startsWith("-")) {
                        return usage(err, "unknown option '" + arg + "'");
                    }
                    try {
                        Path path = Path.of(arg);
                        if (Files.isDirectory(path)) {
                            List<Path> inFolder = AuditLog.files(path);
                            if (inFolder.isEmpty()) {
                                err.println("guard4j-cli audit verify: no audit log files in " + arg);
                                return Main.BAD_DATA;
                            }
                            files.addAll(inFolder);
                        } else {
                            files.add(path);
                        }
                    } catch (InvalidPathException e) {
                        return usage(err, "not a valid path: " + arg);
                    }
            }
        }
        if (files.isEmpty()) {
            return usage(err, "expected at least one audit log file");
        }
        AuditLogVerifier verifier;
        try {
            verifier = key == null ? AuditLogVerifier.withoutKey() : AuditLogVerifier.withHmacKey(key);
        } catch (IllegalArgumentException e) {
            err.println("guard4j-cli audit verify: " + e.getMessage());
            return Main.USAGE;
        }
        if (openEnd) {
            verifier = verifier.acceptingOpenEnd();
        }
        if (missingStart) {
            verifier = verifier.acceptingMissingStart();
        }
        AuditLogVerification result = verifier.verify(files);
        if (result.ok()) {
            out.println(result.reason());
            return Main.OK;
        }
        out.println("BAD " + result);
        return Main.BAD_DATA;
    }

    private static int usage(PrintStream err, String problem) {
        err.println("guard4j-cli audit verify: " + problem);
        err.print(HELP);
        return Main.USAGE;
    }
}
