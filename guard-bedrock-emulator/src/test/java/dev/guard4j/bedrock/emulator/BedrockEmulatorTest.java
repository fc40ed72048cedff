package dev.guard4j.bedrock.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ApplyGuardrailResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailAction;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailContentSource;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailPiiEntityType;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailTextBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

class BedrockEmulatorTest {

    private BedrockEmulator emulator;

    @BeforeEach
    void start() {
        emulator = BedrockEmulator.start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private static Message user(String text) {
        return Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText(text)).build();
    }

    @Test
    void realSyncClientGetsAScriptedConverseAnswerAndTheRequestIsRecordedWithItsSignature() {
        emulator.enqueueModel(Reply.answer().text("Hello there").usage(7, 3).build());
        try (BedrockRuntimeClient client = emulator.syncClient()) {
            ConverseResponse response = client.converse(r -> r.modelId("anthropic.claude-3-haiku-20240307-v1:0").messages(user("hi")));
            assertThat(response.output().message().content().get(0).text()).isEqualTo("Hello there");
            assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
            assertThat(response.usage().inputTokens()).isEqualTo(7);
        }
        RecordedRequest request = emulator.lastRequest();
        assertThat(request.operation()).isEqualTo(Operation.CONVERSE);
        assertThat(request.resourceId()).isEqualTo("anthropic.claude-3-haiku-20240307-v1:0");
        assertThat(request.authorization()).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEMULATOR/")
                .contains("/us-east-1/bedrock/aws4_request").contains("Signature=");
        assertThat(request.json().at("/messages/0/content/0/text").asText()).isEqualTo("hi");
    }

    @Test
    void realAsyncClientDecodesTheEventStreamFramesTheEmulatorWrites() throws Exception {
        emulator.enqueueModel(Reply.answer().text("streamed answer text").streamChunkSize(5).build());
        List<String> deltas = new ArrayList<>();
        List<String> stopReasons = new ArrayList<>();
        try (BedrockRuntimeAsyncClient client = emulator.asyncClient()) {
            ConverseStreamResponseHandler handler = ConverseStreamResponseHandler.builder()
                    .subscriber(ConverseStreamResponseHandler.Visitor.builder()
                            .onContentBlockDelta(e -> deltas.add(e.delta().text()))
                            .onMessageStop(e -> stopReasons.add(e.stopReasonAsString()))
                            .build())
                    .build();
            CompletableFuture<Void> done = client.converseStream(
                    ConverseStreamRequest.builder().modelId("m").messages(user("hi")).build(), handler);
            done.get(30, TimeUnit.SECONDS);
        }
        assertThat(deltas).containsExactly("strea", "med a", "nswer", " text");
        assertThat(stopReasons).containsExactly("end_turn");
        assertThat(emulator.lastRequest().operation()).isEqualTo(Operation.CONVERSE_STREAM);
    }

    @Test
    void applyGuardrailAnswersWithTheScriptedAssessments() {
        emulator.enqueueGuardrail(Reply.guardrailIntervened("mail {EMAIL}", Assessments.pii("EMAIL", "a@b.io", "ANONYMIZED")));
        try (BedrockRuntimeClient client = emulator.syncClient()) {
            ApplyGuardrailResponse response = client.applyGuardrail(r -> r.guardrailIdentifier("gr-1").guardrailVersion("DRAFT")
                    .source(GuardrailContentSource.INPUT)
                    .content(GuardrailContentBlock.fromText(GuardrailTextBlock.builder().text("mail a@b.io").build())));
            assertThat(response.action()).isEqualTo(GuardrailAction.GUARDRAIL_INTERVENED);
            assertThat(response.outputs().get(0).text()).isEqualTo("mail {EMAIL}");
            assertThat(response.assessments().get(0).sensitiveInformationPolicy().piiEntities().get(0).type())
                    .isEqualTo(GuardrailPiiEntityType.EMAIL);
        }
        assertThat(emulator.lastRequest().resourceId()).isEqualTo("gr-1");
        assertThat(emulator.lastRequest().path()).isEqualTo("/guardrail/gr-1/version/DRAFT/apply");
    }

    @Test
    void throttlingFaultReachesTheSdkAsItsThrottlingException() {
        emulator.enqueueModel(Reply.throttling());
        try (BedrockRuntimeClient client = emulator.syncClient()) {
            assertThatThrownBy(() -> client.converse(r -> r.modelId("m").messages(user("hi"))))
                    .isInstanceOf(ThrottlingException.class)
                    .satisfies(e -> assertThat(((ThrottlingException) e).statusCode()).isEqualTo(429));
        }
    }

    @Test
    void malformedBodyFailsInTheSdkInsteadOfParsing() {
        emulator.enqueueModel(Reply.raw(200, "application/json", "<html>not json"));
        try (BedrockRuntimeClient client = emulator.syncClient()) {
            assertThatThrownBy(() -> client.converse(r -> r.modelId("m").messages(user("hi"))))
                    .isInstanceOf(SdkClientException.class);
        }
    }

    @Test
    void slowAnswerTripsTheClientsCallTimeout() {
        emulator.enqueueModel(Reply.delayed(Duration.ofSeconds(3), Reply.text("late")));
        try (BedrockRuntimeClient client = emulator.syncClientBuilder()
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofMillis(300))).build()) {
            assertThatThrownBy(() -> client.converse(r -> r.modelId("m").messages(user("hi"))))
                    .hasMessageContaining("timeout");
        }
    }

    @Test
    void unscriptedCallGetsAnErrorThatSaysSo() {
        try (BedrockRuntimeClient client = emulator.syncClient()) {
            assertThatThrownBy(() -> client.converse(r -> r.modelId("m").messages(user("hi"))))
                    .hasMessageContaining("no answer scripted");
        }
    }
}
