package dev.scangate.local.commands.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void bytes_whenEnabled_redrawsInPlaceOnlyWhenTheTextChanges() {
        var bar = new ProgressBar(out, "put", 2, 2048, true);

        bar.bytes(1024);
        bar.bytes(1024);
        bar.itemDone();
        bar.bytes(2048);
        bar.itemDone();
        bar.finish();

        assertThat(output()).isEqualTo(
                "\rput [###############...............]  50%  0/2 files  1.0 KB/2.0 KB"
                + "\rput [###############...............]  50%  1/2 files  1.0 KB/2.0 KB"
                + "\rput [##############################] 100%  1/2 files  2.0 KB/2.0 KB"
                + "\rput [##############################] 100%  2/2 files  2.0 KB/2.0 KB\n");
    }

    @Test
    void bytes_whenDisabled_printsNothing() {
        var bar = new ProgressBar(out, "put", 1, 10, false);

        bar.bytes(5);
        bar.itemDone();
        bar.finish();

        assertThat(output()).isEmpty();
    }

    @Test
    void statusLine_whenNotInteractive_printsEachChangeOnce() {
        var status = new StatusLine(out, false);

        status.show("a");
        status.show("a");
        status.show("b");
        status.finish();

        assertThat(output()).isEqualTo("a\nb\n");
    }

    @Test
    void statusLine_whenInteractive_overwritesAndPadsShorterText() {
        var status = new StatusLine(out, true);

        status.show("long text");
        status.show("short");
        status.finish();

        assertThat(output()).isEqualTo("\rlong text\rshort    \n");
    }

    @Test
    void human_whenSizes_usesBinaryUnits() {
        assertThat(Sizes.human(1023)).isEqualTo("1023 B");
        assertThat(Sizes.human(4096)).isEqualTo("4.0 KB");
        assertThat(Sizes.human(50L * 1024 * 1024)).isEqualTo("50.0 MB");
    }
}
