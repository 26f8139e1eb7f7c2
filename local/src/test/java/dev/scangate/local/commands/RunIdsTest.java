package dev.scangate.local.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RunIdsTest {

    @Test
    void next_whenCalled_isTimestampAndFourHexAndValid() {
        var ids = new RunIds(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC), new Random(3));

        String id = ids.next();

        assertThat(id).matches("run-20260102-030405-[0-9a-f]{4}");
        assertThat(RunIds.requireValid(id)).isEqualTo(id);
    }

    @Test
    void requireValid_whenTooLongOrBadCharacters_namesTheRule() {
        assertThatThrownBy(() -> RunIds.requireValid("a".repeat(81)))
                .isInstanceOf(CommandException.class).hasMessageEndingWith("use 1 to 80 letters, digits, '.', '_' or '-'");
        assertThatThrownBy(() -> RunIds.requireValid("run/1")).isInstanceOf(CommandException.class);
        assertThatThrownBy(() -> RunIds.requireValid("")).isInstanceOf(CommandException.class);
    }
}
