package dev.scangate.local.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scangate.lambdas.aws.AwsClientFactory;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;

/** The EventBridge stand-in on its own port, as the server convention has it. */
class LocalEventBridgeServerTest {

    @TempDir
    Path dir;

    private LocalEventBridgeServer server() {
        return LocalEventBridgeServer.builder().directory(dir).eventLog(EventLog.open(dir.resolve("events.jsonl"))).build().start();
    }

    private static EventBridgeClient client(LocalEventBridgeServer server) {
        return AwsClientFactory.forEndpoint(URI.create("http://127.0.0.1:" + server.getPort())).eventBridge();
    }

    @Test
    void putEvents_whenRestarted_eventsBusesAndRulesAreStillThere() throws Exception {
        var first = server();
        var heard = new CopyOnWriteArrayList<StoredEvent>();
        try (var events = client(first); var listening = first.eventLog().addListener(heard::add)) {
            events.createEventBus(b -> b.name("runs"));
            events.putRule(b -> b.name("reviewed").eventBusName("runs").eventPattern("{\"source\":[\"scangate\"]}"));
            events.putEvents(b -> b.entries(PutEventsRequestEntry.builder().eventBusName("runs").source("scangate")
                    .detailType("ScanGate Run Reviewed").detail("{\"runId\":\"r-1\",\"counts\":{\"total\":2}}").build()));
        } finally {
            first.stop();
        }
        assertThat(heard).singleElement().satisfies(e -> assertThat(e.eventBusName()).isEqualTo("runs"));

        var second = server();
        try (var events = client(second)) {
            assertThat(second.eventLog().eventsForRun("r-1")).singleElement().satisfies(e -> {
                assertThat(e.eventBusName()).isEqualTo("runs");
                assertThat(e.detail().path("counts").path("total").asInt()).isEqualTo(2);
                assertThat(e.toEventJson().path("detail-type").asText()).isEqualTo("ScanGate Run Reviewed");
            });
            assertThat(events.listRules(b -> b.eventBusName("runs")).rules()).singleElement()
                    .satisfies(r -> assertThat(r.eventPattern()).isEqualTo("{\"source\":[\"scangate\"]}"));
            assertThatThrownBy(() -> events.createEventBus(b -> b.name("runs"))).isInstanceOf(ResourceAlreadyExistsException.class);
        } finally {
            second.stop();
        }
    }

    @Test
    void putEvents_whenBusMissingOrEntriesInvalid_failsOnlyThoseEntries() {
        var server = server();
        try (var events = client(server)) {
            var response = events.putEvents(b -> b.entries(
                    PutEventsRequestEntry.builder().eventBusName("nope").source("s").detailType("d").detail("{}").build(),
                    PutEventsRequestEntry.builder().source("s").detailType("d").build(),
                    PutEventsRequestEntry.builder().source("s").detailType("d").detail("[1]").build(),
                    PutEventsRequestEntry.builder().source("s").detailType("d").detail("{}").build()));
            assertThat(response.failedEntryCount()).isEqualTo(3);
            assertThat(response.entries()).extracting(e -> e.errorCode())
                    .containsExactly("ResourceNotFoundException", "InvalidArgument", "MalformedDetail", null);
            assertThat(server.eventLog().events()).hasSize(1);
            assertThatThrownBy(() -> events.putRule(b -> b.name("r").eventBusName("nope").eventPattern("{}")))
                    .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("Event bus nope does not exist");
            assertThatThrownBy(() -> events.putRule(b -> b.name("r")))
                    .hasMessageContaining("EventPattern or ScheduleExpression must be specified");
        } finally {
            server.stop();
        }
    }
}
