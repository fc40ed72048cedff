package dev.guard4j;

import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Remembers pass and rewrite verdicts of memoisable input filters by filter, source and text
 * digest, so a conversation resent every turn is not scanned again in full. Bounded: the oldest
 * entries go first.
 */
final class VerdictMemo {

    private final int capacity;
    private final ConcurrentHashMap<String, Verdict> entries = new ConcurrentHashMap<>();
    private final Queue<String> order = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();

    VerdictMemo(int capacity) {
        this.capacity = capacity;
    }

    boolean enabled() {
        return capacity > 0;
    }

    static String key(int step, Content.Source source, String digest) {
        return step + ":" + source.ordinal() + ":" + digest;
    }

    Verdict get(String key) {
        return entries.get(key);
    }

    void put(String key, Verdict verdict) {
        if (verdict.kind() == Verdict.Kind.BLOCK || entries.putIfAbsent(key, verdict) != null) {
            return;
        }
        order.add(key);
        if (size.incrementAndGet() > capacity) {
            String oldest = order.poll();
            if (oldest != null) {
                entries.remove(oldest);
                size.decrementAndGet();
            }
        }
    }
}
