package io.dunhub.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The fast variant of {@link InitialSyncBenchmark}: 5,000 invoices, no latency. */
class InitialSyncCallsIT {

  @Test
  void anInitialSyncCostsAtMostFivePercentMoreCallsThanPagesOfAThousand() {
    InitialSync.Result r = InitialSync.run(100, 50, Duration.ZERO, 5);

    assertThat(r.records()).isEqualTo(r.invoices()).isEqualTo(5_000);
    assertThat(r.calls()).isLessThanOrEqualTo((long) Math.floor(r.minimumCalls() * 1.05));
    assertThat(r.rejected()).isZero();
  }

  @Test
  void pagesAreFetchedAheadInParallelUnderTheCap() {
    InitialSync.Result r = InitialSync.run(100, 50, Duration.ofMillis(20), 5);

    assertThat(r.records()).isEqualTo(5_000);
    assertThat(r.maxInFlight()).isGreaterThan(1).isLessThanOrEqualTo(5);
    assertThat(r.calls()).isLessThanOrEqualTo((long) Math.floor(r.minimumCalls() * 1.05));
    assertThat(r.rejected()).isZero();
  }
}
