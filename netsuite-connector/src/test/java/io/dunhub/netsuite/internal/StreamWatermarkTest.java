package io.dunhub.netsuite.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dunhub.core.connector.PermanentException;
import io.dunhub.core.connector.Watermark;
import org.junit.jupiter.api.Test;

class StreamWatermarkTest {

  @Test
  void liveAndDeletionKeysetsTravelTogether() {
    StreamWatermark w =
        StreamWatermark.parse(null, "invoice")
            .withDeletionsFrom("2026-11-23 11:59:55")
            .afterLive("2026-11-23 10:00:00", 812)
            .afterDeleted("2026-11-23 11:00:01", 77);
    Watermark stored = w.toWatermark();
    assertThat(stored.value()).isEqualTo("2026-11-23 10:00:00|812;deleted:2026-11-23 11:00:01|77");
    assertThat(StreamWatermark.parse(stored, "invoice")).isEqualTo(w);
  }

  @Test
  void theFirstReadSeesNoDeletionBeforeItAndAnOldWatermarkReadsThemFromItsTime() {
    assertThat(StreamWatermark.parse(null, "invoice").withDeletionsFrom("2026-11-23 11:59:55"))
        .satisfies(
            w -> {
              assertThat(w.deletedTime()).isEqualTo("2026-11-23 11:59:55");
              assertThat(w.live()).isEmpty();
            });
    StreamWatermark old =
        StreamWatermark.parse(new Watermark("2026-11-20 08:00:00|5"), "invoice")
            .withDeletionsFrom("2026-11-23 11:59:55");
    assertThat(old.deletedTime()).isEqualTo("2026-11-20 08:00:00");
    assertThat(old.deletedId()).isZero();
    assertThat(old.live()).isEqualTo("2026-11-20 08:00:00|5");
  }

  @Test
  void aForeignWatermarkIsRefusedByName() {
    assertThatThrownBy(() -> StreamWatermark.parse(new Watermark("cdc:12345"), "invoice"))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("read invoice")
        .hasMessageContaining("cdc:12345");
  }
}
