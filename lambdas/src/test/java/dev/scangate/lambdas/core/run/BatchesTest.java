package dev.scangate.lambdas.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchesTest {

    static final List<Integer> ITEMS = IntStream.range(0, 100).boxed().toList();

    @Test
    void run_whenTimeIsPlenty_processesUpToTheLimitInOrder() {
        var progress = Batches.run(ITEMS, 10, 50, 4, Deadline.none(), i -> i * 2);

        assertThat(progress.processed()).isEqualTo(50);
        assertThat(progress.results()).isEqualTo(IntStream.range(10, 60).map(i -> i * 2).boxed().toList());
    }

    @Test
    void run_whenTimeIsNearlyUp_stopsAfterTheFirstWave() {
        var progress = Batches.run(ITEMS, 0, 100, 2, Deadline.remaining(() -> 1_000), i -> i);

        assertThat(progress.processed()).isEqualTo(8);
    }

    @Test
    void run_whenAnItemFails_rethrowsItsException() {
        assertThatThrownBy(() -> Batches.run(ITEMS, 0, 100, 4, Deadline.none(), i -> {
            if (i == 7) {
                throw new IllegalStateException("item 7");
            }
            return i;
        })).isInstanceOf(IllegalStateException.class).hasMessage("item 7");
    }
}
