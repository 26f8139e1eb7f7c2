package dev.scangate.local.commands.aws;

import dev.scangate.local.commands.port.ExecutionDetail;
import dev.scangate.local.commands.port.ExecutionSummary;
import dev.scangate.local.commands.port.Executions;
import dev.scangate.local.commands.port.HistoryEvent;
import dev.scangate.local.commands.port.ServiceException.Kind;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;

/** {@link Executions} over the Step Functions API. */
public final class SfnExecutions implements Executions {

    private static final int PAGE = 1000;

    private final SfnClient sfn;
    private final Optional<URI> endpoint;

    public SfnExecutions(SfnClient sfn) {
        this.sfn = Objects.requireNonNull(sfn, "sfn");
        this.endpoint = SdkErrors.endpointOf(sfn);
    }

    @Override
    public String start(String stateMachineArn, String name, String input) {
        try {
            return sfn.startExecution(b -> b.stateMachineArn(stateMachineArn).name(name).input(input)).executionArn();
        } catch (ExecutionAlreadyExistsException e) {
            throw SdkErrors.of(Kind.ALREADY_EXISTS, "an execution named " + name + " already exists", e);
        } catch (StateMachineDoesNotExistException e) {
            throw SdkErrors.of(Kind.NOT_FOUND, "state machine " + stateMachineArn + " does not exist", e);
        } catch (SdkException e) {
            throw SdkErrors.translate(e, "StartExecution", endpoint);
        }
    }

    @Override
    public Optional<ExecutionDetail> describe(String executionArn) {
        try {
            DescribeExecutionResponse r = sfn.describeExecution(b -> b.executionArn(executionArn));
            return Optional.of(new ExecutionDetail(r.executionArn(), r.name(), r.statusAsString(), r.startDate(),
                    r.stopDate(), r.input(), r.error(), r.cause(), r.redriveStatusAsString(), r.redriveStatusReason(),
                    r.redriveCount() == null ? 0 : r.redriveCount()));
        } catch (ExecutionDoesNotExistException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw SdkErrors.translate(e, "DescribeExecution", endpoint);
        }
    }

    @Override
    public List<ExecutionSummary> list(String stateMachineArn, int max) {
        List<ExecutionSummary> rows = new ArrayList<>();
        String token = null;
        try {
            do {
                String next = token;
                int want = Math.min(PAGE, max - rows.size());
                ListExecutionsResponse page = sfn.listExecutions(b -> b.stateMachineArn(stateMachineArn)
                        .maxResults(want).nextToken(next));
                page.executions().stream()
                        .limit(max - rows.size())
                        .forEach(e -> rows.add(new ExecutionSummary(e.executionArn(), e.name(), e.statusAsString(),
                                e.startDate(), e.stopDate())));
                token = page.nextToken();
            } while (token != null && rows.size() < max);
        } catch (StateMachineDoesNotExistException e) {
            throw SdkErrors.of(Kind.NOT_FOUND, "state machine " + stateMachineArn + " does not exist", e);
        } catch (SdkException e) {
            throw SdkErrors.translate(e, "ListExecutions", endpoint);
        }
        return rows;
    }

    @Override
    public List<HistoryEvent> history(String executionArn, boolean newestFirst, int max) {
        List<HistoryEvent> events = new ArrayList<>();
        String token = null;
        int limit = max <= 0 ? Integer.MAX_VALUE : max;
        try {
            do {
                String next = token;
                int want = Math.min(PAGE, limit - events.size());
                GetExecutionHistoryResponse page = sfn.getExecutionHistory(b -> b.executionArn(executionArn)
                        .reverseOrder(newestFirst).maxResults(want).includeExecutionData(false).nextToken(next));
                page.events().stream().limit(limit - events.size()).forEach(e -> events.add(toEvent(e)));
                token = page.nextToken();
            } while (token != null && events.size() < limit);
        } catch (ExecutionDoesNotExistException e) {
            throw SdkErrors.of(Kind.NOT_FOUND, "execution " + executionArn + " does not exist", e);
        } catch (SdkException e) {
            throw SdkErrors.translate(e, "GetExecutionHistory", endpoint);
        }
        return events;
    }

    @Override
    public Instant redrive(String executionArn) {
        try {
            return sfn.redriveExecution(b -> b.executionArn(executionArn)).redriveDate();
        } catch (ExecutionNotRedrivableException e) {
            String reason = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            throw SdkErrors.of(Kind.NOT_REDRIVABLE, reason == null ? "not redrivable" : reason, e);
        } catch (ExecutionDoesNotExistException e) {
            throw SdkErrors.of(Kind.NOT_FOUND, "execution " + executionArn + " does not exist", e);
        } catch (SdkException e) {
            throw SdkErrors.translate(e, "RedriveExecution", endpoint);
        }
    }

    private static HistoryEvent toEvent(software.amazon.awssdk.services.sfn.model.HistoryEvent e) {
        String stateName = null;
        if (e.stateEnteredEventDetails() != null) {
            stateName = e.stateEnteredEventDetails().name();
        } else if (e.stateExitedEventDetails() != null) {
            stateName = e.stateExitedEventDetails().name();
        }
        String resource = null;
        if (e.taskScheduledEventDetails() != null) {
            resource = e.taskScheduledEventDetails().resourceType() + ":" + e.taskScheduledEventDetails().resource();
        }
        return new HistoryEvent(e.id() == null ? 0 : e.id(), e.typeAsString(), e.timestamp(), stateName, resource);
    }
}
