package dev.scangate.local.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scangate.local.commands.ExecutionWatcher.Position;
import dev.scangate.local.commands.port.HistoryEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutionWatcherTest {

    /** Events given oldest first, as they happen; the watcher reads them newest first. */
    private static Position positionAfter(String... typeAndDetail) {
        List<HistoryEvent> events = new ArrayList<>();
        for (int i = 0; i < typeAndDetail.length; i++) {
            String[] p = typeAndDetail[i].split(" ", 2);
            boolean state = p[0].endsWith("StateEntered");
            events.add(new HistoryEvent(i + 1, p[0], null, state ? p[1] : null,
                    p[0].equals("TaskScheduled") ? p[1] : null));
        }
        Collections.reverse(events);
        return ExecutionWatcher.position(events);
    }

    @Test
    void position_whenCallbackTaskSubmitted_isWaiting() {
        assertThat(positionAfter("TaskStateEntered RequestApproval", "TaskScheduled lambda:invoke.waitForTaskToken",
                "TaskStarted", "TaskSubmitted"))
                .isEqualTo(new Position("RequestApproval", true));
    }

    @Test
    void position_whenCallbackTaskNotYetSubmitted_isNotWaiting() {
        assertThat(positionAfter("TaskStateEntered RequestApproval", "TaskScheduled lambda:invoke.waitForTaskToken",
                "TaskStarted"))
                .isEqualTo(new Position("RequestApproval", false));
    }

    @Test
    void position_whenCallbackAnsweredOrRetried_onlyNewestAttemptCounts() {
        assertThat(positionAfter("TaskStateEntered RequestApproval", "TaskScheduled lambda:invoke.waitForTaskToken",
                "TaskStarted", "TaskSubmitted", "TaskSucceeded"))
                .isEqualTo(new Position("RequestApproval", false));
        assertThat(positionAfter("TaskStateEntered RequestApproval", "TaskScheduled lambda:invoke.waitForTaskToken",
                "TaskStarted", "TaskFailed", "TaskScheduled lambda:invoke.waitForTaskToken", "TaskStarted"))
                .isEqualTo(new Position("RequestApproval", false));
    }

    @Test
    void position_whenOrdinaryTaskSubmitted_isNotWaiting() {
        assertThat(positionAfter("TaskStateEntered CheckScan", "TaskScheduled lambda:invoke", "TaskStarted",
                "TaskSubmitted"))
                .isEqualTo(new Position("CheckScan", false));
    }

    @Test
    void position_whenNoStateEnteredYet_isUnknown() {
        assertThat(positionAfter("ExecutionStarted")).isEqualTo(new Position(null, false));
    }
}
