package io.dunhub.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The benchmark at a small scale: the call counts are exactly the minimum plus two describes. */
class SalesforceBenchmarkIT {
  @Test
  void callsAreTheMinimumPlusOneDescribePerReadObject() {
    SalesforceBenchmark.Result r = SalesforceBenchmark.run(1_000, 5, 500, Duration.ZERO);

    assertThat(r.queryCalls()).as("one query per stream").isEqualTo(2);
    assertThat(r.queryMoreCalls())
        .as("1,000 accounts in 1 batch, 5,000 invoices in 3")
        .isEqualTo(2);
    assertThat(r.upsertCalls()).as("500 upserts in batches of 200").isEqualTo(3);
    assertThat(r.describeCalls()).isEqualTo(2);
    assertThat(r.totalCalls()).isEqualTo(r.minimumCalls() + 2);
    assertThat(r.allowanceUsed()).isEqualTo(r.totalCalls());
  }
}
