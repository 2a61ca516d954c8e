package io.dunhub.netsuite.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Pages fetched ahead line up with a sequential read, or are dropped. */
class ReadAheadTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A table of {@code rows} rows, one a second; {@code total} is what SuiteQL reports. */
  private static ObjectNode reply(int offset, int size, int rows, long total) {
    ObjectNode r = JSON.createObjectNode();
    ArrayNode items = r.putArray("items");
    for (int i = offset; i < Math.min(rows, offset + size); i++) {
      items
          .addObject()
          .put("id", Integer.toString(i + 1))
          .put("lastmodified", String.format("2026-11-23 10:%02d:%02d", i / 60 % 60, i % 60));
    }
    r.put("hasMore", offset + size < rows);
    r.put("totalResults", total);
    return r;
  }

  @Test
  void theHubGetsEveryPageOnceInOrderAndNoPageBeyondTheEndIsAsked() {
    ReadAhead ahead = new ReadAhead(3);
    ConcurrentLinkedQueue<Integer> asked = new ConcurrentLinkedQueue<>();
    String key = "";
    ReadAhead.Fetched page = ahead.next(key, 10);
    assertThat(page).as("no run yet").isNull();
    page =
        ahead.start(
            key,
            10,
            reply(0, 10, 95, 95),
            i -> {
              asked.add(i);
              return reply(i * 10, 10, 95, 95);
            });
    List<String> ids = new ArrayList<>();
    while (true) {
      page.rows().forEach(r -> ids.add(r.path("id").asText()));
      key = SuiteQlStream.next(page.rows(), key);
      if (!page.hasMore()) {
        break;
      }
      page = ahead.next(key, 10);
      assertThat(page).isNotNull();
    }
    assertThat(ids).hasSize(95).doesNotHaveDuplicates();
    assertThat(ids.get(94)).isEqualTo("95");
    assertThat(asked).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9);
  }

  @Test
  void aRunWhoseRowsChangedIsDroppedAndAnotherWatermarkStartsAfresh() {
    ReadAhead ahead = new ReadAhead(2);
    AtomicLong total = new AtomicLong(50);
    ReadAhead.Fetched first =
        ahead.start("", 10, reply(0, 10, 50, 50), i -> reply(i * 10, 10, 50, total.get()));
    String key = SuiteQlStream.next(first.rows(), "");
    assertThat(ahead.next("2026-01-01 00:00:00|1", 10)).as("another watermark").isNull();
    assertThat(ahead.next(key, 10)).as("the run was dropped").isNull();

    first = ahead.start("", 10, reply(0, 10, 50, 50), i -> reply(i * 10, 10, 50, 49));
    key = SuiteQlStream.next(first.rows(), "");
    assertThat(ahead.next(key, 10)).as("a record left the set: offsets no longer line up").isNull();
  }

  @Test
  void withoutDepthNothingIsReadAhead() {
    ReadAhead ahead = new ReadAhead(0);
    ReadAhead.Fetched first =
        ahead.start(
            "",
            10,
            reply(0, 10, 50, 50),
            i -> {
              throw new AssertionError("read ahead");
            });
    assertThat(ahead.next(SuiteQlStream.next(first.rows(), ""), 10)).isNull();
  }
}
