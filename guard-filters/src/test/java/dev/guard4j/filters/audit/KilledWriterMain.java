package dev.guard4j.filters.audit;

import dev.guard4j.AuditEvent;
import dev.guard4j.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Writes audit events in a loop until it is killed: the process that {@link AuditLogKillTest} kills with SIGKILL.
 *
 * <p>Records of about 2 KB and the fill-the-buffer flush policy make every write end mid-record, as a
 * busy log does, so the kill leaves a torn last line.
 */
public final class KilledWriterMain {

    private KilledWriterMain() {
    }

    /**
     * Writes forever.
     *
     * @param args the log's folder
     */
    public static void main(String[] args) {
        AuditLog log = AuditLog.builder(Path.of(args[0])).flush(FlushPolicy.whenBufferFull()).build();
        String padding = "p".repeat(2000);
        for (long i = 0; ; i++) {
            log.record(new AuditEvent("call-" + i, SampleEvents.TIME, "writer", "OLLAMA", "llama3", false, Outcome.ALLOWED, null,
                    List.of(), "e".repeat(64), null, Duration.ofMillis(1), Map.of("padding", padding)));
        }
    }
}
