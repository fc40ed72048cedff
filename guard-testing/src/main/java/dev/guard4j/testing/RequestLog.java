package dev.guard4j.testing;

import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The requests that reached a scripted model, oldest first; {@link #take()} reads them one by one. Thread-safe. */
final class RequestLog {

    private final Deque<ChatRequest> unread = new ArrayDeque<>();
    private final List<ChatRequest> all = new ArrayList<>();

    synchronized void add(ChatRequest request) {
        all.add(request);
        unread.add(request);
    }

    synchronized ChatRequest take() {
        if (unread.isEmpty()) {
            throw new AssertionError("no request reached the model");
        }
        return unread.poll();
    }

    synchronized List<ChatRequest> all() {
        return List.copyOf(all);
    }

    synchronized int size() {
        return all.size();
    }
}
