package dev.scangate.statemachine.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scangate.statemachine.engine.integration.Integrations;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Small state machines with the outputs and errors Step Functions gives for them (many from the
 * AWS documentation's own examples), in {@code src/test/resources/conformance/*.json}.
 */
class ConformanceTest {

    private static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static Engine engine;

    @BeforeAll
    static void start() {
        Integrations integrations = Integrations.builder()
                .register("aws-sdk:test:echo", r -> r.arguments())
                .register("s3:listObjectsV2", r -> r.arguments().get("FakeListing"))
                .register("s3:getObject", r -> r.arguments().get("FakeBody"))
                .register("aws-sdk:test:fail", r -> {
                    throw new StatesError(r.arguments().path("Error").asText(), r.arguments().path("Cause").asText());
                })
                .register("aws-sdk:test:flaky", r -> {
                    int n = ATTEMPTS.computeIfAbsent(r.executionArn(), k -> new AtomicInteger()).incrementAndGet();
                    int failures = r.arguments().path("failures").asInt();
                    if (n <= failures) {
                        throw new StatesError("Test.Flaky", "failure " + n + " of " + failures);
                    }
                    return Json.object().put("attempts", n);
                })
                .build();
        engine = Engine.builder().clock(new FastClock(5000)).integrations(integrations).build().start();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    static Stream<Arguments> cases() throws Exception {
        List<Arguments> out = new ArrayList<>();
        for (String file : List.of("jsonpath.json", "jsonata.json", "map.json")) {
            try (InputStream in = ConformanceTest.class.getResourceAsStream("/conformance/" + file)) {
                for (JsonNode c : Json.MAPPER.readTree(in).get("cases")) {
                    out.add(Arguments.of(Named.of(file + ": " + c.get("name").asText(), c)));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void execution_whenRun_endsAsDocumented(JsonNode c) {
        String name = "sm-" + COUNTER.incrementAndGet();
        var sm = engine.createStateMachine(name, Json.write(c.get("definition")), "arn:aws:iam::000000000000:role/r", null);
        String arn = engine.startExecution(sm.arn(), "conformance", Json.write(c.get("input"))).executionArn();

        ExecutionInfo done = engine.awaitClosed(arn, Duration.ofSeconds(20));

        JsonNode expect = c.get("expect");
        assertThat(done.status().name()).as(done.error() + ": " + done.cause()).isEqualTo(expect.get("status").asText());
        if (expect.has("output")) {
            assertThat(Json.parse(done.output())).isEqualTo(expect.get("output"));
        }
        if (expect.has("error")) {
            assertThat(done.error()).isEqualTo(expect.get("error").asText());
        }
        if (expect.has("cause")) {
            assertThat(done.cause()).isEqualTo(expect.get("cause").asText());
        }
        if (expect.has("causeContains")) {
            assertThat(done.cause()).contains(expect.get("causeContains").asText());
        }
    }
}
