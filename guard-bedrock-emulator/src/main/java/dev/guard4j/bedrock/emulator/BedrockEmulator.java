package dev.guard4j.bedrock.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;

/**
 * An in-process Amazon Bedrock runtime on {@code 127.0.0.1} that the real AWS SDK client can call:
 * Converse, ConverseStream (AWS event-stream framing with CRCs) and ApplyGuardrail.
 *
 * <p>Script answers per operation family in order, inject faults (throttling, 5xx, slow or
 * malformed answers), and read back every request received, SigV4 {@code Authorization} header
 * included:
 *
 * <pre>{@code
 * try (BedrockEmulator emulator = BedrockEmulator.start()) {
 *     emulator.enqueueModel(Reply.text("Hello!"));
 *     BedrockRuntimeClient client = emulator.syncClient();
 *     client.converse(...);
 *     assertThat(emulator.requests()).hasSize(1);
 * }
 * }</pre>
 *
 * <p>Converse and ConverseStream share one queue of model answers; ApplyGuardrail has its own.
 * With a queue empty the emulator answers with the fallback, by default a 500 that says no answer
 * was scripted.
 */
public final class BedrockEmulator implements AutoCloseable {

    /** The region the emulator's clients are configured with. */
    public static final Region REGION = Region.US_EAST_1;
    /** The static fake credentials the emulator's clients sign with. */
    public static final AwsBasicCredentials CREDENTIALS = AwsBasicCredentials.create("AKIDEMULATOR", "emulator-secret-key");

    private static final Pattern MODEL_PATH = Pattern.compile("^/model/([^/]+)/(converse|converse-stream)$");
    private static final Pattern GUARDRAIL_PATH = Pattern.compile("^/guardrail/([^/]+)/version/([^/]+)/apply$");
    private static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor;
    private final ConcurrentLinkedDeque<Reply> modelReplies = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<Reply> guardrailReplies = new ConcurrentLinkedDeque<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private volatile boolean recording = true;
    private volatile Function<RecordedRequest, Reply> modelFallback;
    private volatile Function<RecordedRequest, Reply> guardrailFallback;

    private BedrockEmulator(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        Function<RecordedRequest, Reply> unscripted = request -> Reply.error(500, "InternalServerException",
                "emulator: no answer scripted for " + request.operation());
        this.modelFallback = unscripted;
        this.guardrailFallback = unscripted;
    }

    /**
     * Starts an emulator on a free loopback port.
     *
     * @return the result
     */
    public static BedrockEmulator start() {
        // without TCP_NODELAY the JDK server's separate header and body writes meet the client's
        // delayed ACK: 40 ms per call on loopback. Read once, when the JDK server first starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "bedrock-emulator");
                thread.setDaemon(true);
                return thread;
            });
            BedrockEmulator emulator = new BedrockEmulator(server, executor);
            server.createContext("/", emulator::handle);
            server.setExecutor(executor);
            server.start();
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Bedrock emulator on loopback", e);
        }
    }

    /**
     * Returns the emulator's base URI, for {@code endpointOverride}.
     *
     * @return the emulator's base URI, for {@code endpointOverride}
     */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Returns a sync client builder aimed at the emulator: endpoint, region, fake static
     * credentials, and SDK retries off, so that each scripted answer answers exactly one attempt.
      *
      * @return a sync client builder aimed at the emulator: endpoint, region, fake static credentials, and SDK retries off, so that each scripted answer answers exactly one attempt
     */
    public BedrockRuntimeClientBuilder syncClientBuilder() {
        return BedrockRuntimeClient.builder()
                .endpointOverride(endpoint())
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(CREDENTIALS))
                .httpClientBuilder(Apache5HttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
    }

    /**
     * Returns a sync client aimed at the emulator; see {@link #syncClientBuilder()}.
     *
     * @return a sync client aimed at the emulator; see {@link #syncClientBuilder()}
     */
    public BedrockRuntimeClient syncClient() {
        return syncClientBuilder().build();
    }

    /**
     * Returns an async client builder aimed at the emulator, like {@link #syncClientBuilder()},
     * on Netty over HTTP/1.1 (the JDK server speaks no HTTP/2).
      *
      * @return an async client builder aimed at the emulator, like {@link #syncClientBuilder()}, on Netty over HTTP/1.1 (the JDK server speaks no HTTP/2)
     */
    public BedrockRuntimeAsyncClientBuilder asyncClientBuilder() {
        return BedrockRuntimeAsyncClient.builder()
                .endpointOverride(endpoint())
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(CREDENTIALS))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
    }

    /**
     * Returns an async client aimed at the emulator; see {@link #asyncClientBuilder()}.
     *
     * @return an async client aimed at the emulator; see {@link #asyncClientBuilder()}
     */
    public BedrockRuntimeAsyncClient asyncClient() {
        return asyncClientBuilder().build();
    }

    /**
     * Queues answers for Converse and ConverseStream, in order.
     *
     * @param replies the replies
     * @return the result
     */
    public BedrockEmulator enqueueModel(Reply... replies) {
        for (Reply reply : replies) {
            modelReplies.add(Objects.requireNonNull(reply, "reply"));
        }
        return this;
    }

    /**
     * Queues answers for ApplyGuardrail, in order.
     *
     * @param replies the replies
     * @return the result
     */
    public BedrockEmulator enqueueGuardrail(Reply... replies) {
        for (Reply reply : replies) {
            guardrailReplies.add(Objects.requireNonNull(reply, "reply"));
        }
        return this;
    }

    /**
     * Sets how Converse and ConverseStream are answered once their queue is empty.
     *
     * @param fallback the fallback
     * @return this builder
     */
    public BedrockEmulator whenNoModelReply(Function<RecordedRequest, Reply> fallback) {
        this.modelFallback = Objects.requireNonNull(fallback, "fallback");
        return this;
    }

    /**
     * Sets how ApplyGuardrail is answered once its queue is empty.
     *
     * @param fallback the fallback
     * @return this builder
     */
    public BedrockEmulator whenNoGuardrailReply(Function<RecordedRequest, Reply> fallback) {
        this.guardrailFallback = Objects.requireNonNull(fallback, "fallback");
        return this;
    }

    /**
     * Returns every request received so far, in arrival order.
     *
     * @return every request received so far, in arrival order
     */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /**
     * Returns the requests received so far for one operation, in arrival order.
     *
     * @param operation the operation
     * @return the requests received so far for one operation, in arrival order
     */
    public List<RecordedRequest> requests(Operation operation) {
        return requests.stream().filter(r -> r.operation() == operation).toList();
    }

    /**
     * Returns the last request received.
     *
     * @return the last request received
     */
    public RecordedRequest lastRequest() {
        if (requests.isEmpty()) {
            throw new IllegalStateException("the emulator has received no request");
        }
        return requests.get(requests.size() - 1);
    }

    /**
     * Stops keeping received requests (for long load runs, where the record would grow without end).
     *
     * @return the result
     */
    public BedrockEmulator discardRequests() {
        recording = false;
        requests.clear();
        return this;
    }

    /** Forgets the received requests and the queued answers. */
    public void reset() {
        requests.clear();
        modelReplies.clear();
        guardrailReplies.clear();
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            RecordedRequest request = record(exchange);
            if (recording) {
                requests.add(request);
            }
            Reply reply;
            if (request.operation() == null) {
                reply = Reply.error(404, "UnknownOperationException", "emulator: no operation at " + request.path());
            } else if (request.operation() == Operation.APPLY_GUARDRAIL) {
                Reply next = guardrailReplies.poll();
                reply = next != null ? next : guardrailFallback.apply(request);
            } else {
                Reply next = modelReplies.poll();
                reply = next != null ? next : modelFallback.apply(request);
            }
            try {
                send(exchange, request.operation(), reply);
            } catch (RuntimeException e) {
                // a scripting mistake (tool input that is not JSON, say): say so to the client instead of hanging up
                send(exchange, request.operation(), Reply.error(500, "InternalServerException", "emulator: " + e.getMessage()));
            }
        } catch (IOException e) {
            // the client went away (a client-side timeout): nothing left to answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private RecordedRequest record(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        Operation operation = null;
        String resourceId = null;
        Matcher model = MODEL_PATH.matcher(path);
        Matcher guardrail = GUARDRAIL_PATH.matcher(path);
        if (model.matches()) {
            operation = model.group(2).equals("converse") ? Operation.CONVERSE : Operation.CONVERSE_STREAM;
            resourceId = URLDecoder.decode(model.group(1), StandardCharsets.UTF_8);
        } else if (guardrail.matches()) {
            operation = Operation.APPLY_GUARDRAIL;
            resourceId = URLDecoder.decode(guardrail.group(1), StandardCharsets.UTF_8);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES);
            body = new String(bytes, StandardCharsets.UTF_8);
        }
        return new RecordedRequest(operation, exchange.getRequestMethod(), path, resourceId, headers, body);
    }

    private void send(HttpExchange exchange, Operation operation, Reply reply) throws IOException, InterruptedException {
        if (reply instanceof Reply.Delayed delayed) {
            Thread.sleep(delayed.delay().toMillis());
            send(exchange, operation, delayed.reply());
        } else if (reply instanceof Reply.Error error) {
            exchange.getResponseHeaders().add("x-amzn-ErrorType", error.errorType());
            ObjectNode body = json.createObjectNode().put("message", error.message());
            sendBytes(exchange, error.status(), "application/json", json.writeValueAsBytes(body));
        } else if (reply instanceof Reply.Raw raw) {
            sendBytes(exchange, raw.status(), raw.contentType(), raw.body());
        } else if (reply instanceof Reply.Answer answer && operation == Operation.CONVERSE) {
            sendBytes(exchange, 200, "application/json", json.writeValueAsBytes(converseBody(answer)));
        } else if (reply instanceof Reply.Answer answer && operation == Operation.CONVERSE_STREAM) {
            sendStream(exchange, answer);
        } else if (reply instanceof Reply.GuardrailAnswer answer && operation == Operation.APPLY_GUARDRAIL) {
            sendBytes(exchange, 200, "application/json", json.writeValueAsBytes(guardrailBody(answer)));
        } else {
            send(exchange, operation, Reply.error(500, "InternalServerException",
                    "emulator: a " + reply.getClass().getSimpleName() + " cannot answer " + operation));
        }
    }

    private static void sendBytes(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.getResponseHeaders().add("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private ObjectNode converseBody(Reply.Answer answer) {
        ObjectNode body = json.createObjectNode();
        ObjectNode message = body.putObject("output").putObject("message").put("role", "assistant");
        ArrayNode content = message.putArray("content");
        for (Reply.Answer.Block block : answer.blocks()) {
            if (block instanceof Reply.Answer.TextBlock text) {
                content.addObject().put("text", text.text());
            } else if (block instanceof Reply.Answer.ToolUseBlock tool) {
                content.addObject().putObject("toolUse").put("toolUseId", tool.toolUseId()).put("name", tool.name())
                        .set("input", parse(tool.inputJson()));
            }
        }
        body.put("stopReason", answer.stopReason());
        body.set("usage", usage(answer));
        body.putObject("metrics").put("latencyMs", 1);
        if (answer.guardrailTrace() != null) {
            body.putObject("trace").set("guardrail", answer.guardrailTrace());
        }
        return body;
    }

    private void sendStream(HttpExchange exchange, Reply.Answer answer) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.amazon.eventstream");
        exchange.getResponseHeaders().add("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            event(out, "messageStart", json.createObjectNode().put("role", "assistant"));
            int index = 0;
            for (Reply.Answer.Block block : answer.blocks()) {
                if (block instanceof Reply.Answer.TextBlock text) {
                    String value = text.text();
                    for (int start = 0; start < value.length(); start += answer.streamChunkSize()) {
                        String chunk = value.substring(start, Math.min(value.length(), start + answer.streamChunkSize()));
                        ObjectNode delta = json.createObjectNode().put("contentBlockIndex", index);
                        delta.putObject("delta").put("text", chunk);
                        event(out, "contentBlockDelta", delta);
                    }
                } else if (block instanceof Reply.Answer.ToolUseBlock tool) {
                    ObjectNode start = json.createObjectNode().put("contentBlockIndex", index);
                    start.putObject("start").putObject("toolUse").put("toolUseId", tool.toolUseId()).put("name", tool.name());
                    event(out, "contentBlockStart", start);
                    ObjectNode delta = json.createObjectNode().put("contentBlockIndex", index);
                    delta.putObject("delta").putObject("toolUse").put("input", tool.inputJson());
                    event(out, "contentBlockDelta", delta);
                }
                event(out, "contentBlockStop", json.createObjectNode().put("contentBlockIndex", index));
                index++;
            }
            if (answer.streamEnding() instanceof Reply.Answer.WithException failure) {
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put(":exception-type", failure.exceptionType());
                headers.put(":content-type", "application/json");
                headers.put(":message-type", "exception");
                out.write(EventStreamEncoder.encode(headers,
                        json.writeValueAsBytes(json.createObjectNode().put("message", failure.message()))));
                return;
            }
            if (answer.streamEnding() instanceof Reply.Answer.Abruptly) {
                return;
            }
            event(out, "messageStop", json.createObjectNode().put("stopReason", answer.stopReason()));
            ObjectNode metadata = json.createObjectNode();
            metadata.set("usage", usage(answer));
            metadata.putObject("metrics").put("latencyMs", 1);
            if (answer.guardrailTrace() != null) {
                metadata.putObject("trace").set("guardrail", answer.guardrailTrace());
            }
            event(out, "metadata", metadata);
        }
    }

    private void event(OutputStream out, String eventType, ObjectNode payload) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(":event-type", eventType);
        headers.put(":content-type", "application/json");
        headers.put(":message-type", "event");
        out.write(EventStreamEncoder.encode(headers, json.writeValueAsBytes(payload)));
        out.flush();
    }

    private ObjectNode guardrailBody(Reply.GuardrailAnswer answer) {
        ObjectNode body = json.createObjectNode();
        body.putObject("usage").put("topicPolicyUnits", 1).put("contentPolicyUnits", 1).put("wordPolicyUnits", 1)
                .put("sensitiveInformationPolicyUnits", 1).put("sensitiveInformationPolicyFreeUnits", 0)
                .put("contextualGroundingPolicyUnits", 0);
        body.put("action", answer.action());
        if (answer.actionReason() != null) {
            body.put("actionReason", answer.actionReason());
        }
        ArrayNode outputs = body.putArray("outputs");
        answer.outputs().forEach(text -> outputs.addObject().put("text", text));
        ArrayNode assessments = body.putArray("assessments");
        answer.assessments().forEach(assessments::add);
        return body;
    }

    private ObjectNode usage(Reply.Answer answer) {
        return json.createObjectNode().put("inputTokens", answer.inputTokens()).put("outputTokens", answer.outputTokens())
                .put("totalTokens", answer.inputTokens() + answer.outputTokens());
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("tool input is not JSON", e);
        }
    }

    /** Returns a short description for logs. */
    @Override
    public String toString() {
        return "BedrockEmulator[" + endpoint() + ", requests=" + new ArrayList<>(requests).size() + "]";
    }
}
