package io.dunhub.netsuite;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The benchmark: an initial sync of 50,000 invoices with 100 ms latency per call and a
 * concurrency cap of 5. Not part of {@code verify} (the name matches neither *Test nor *IT); run:
 *
 * <pre>
 * MAVEN_OPTS=-Xmx1g ./mvnw -o -B -q -pl netsuite-connector -am verify \
 *   -Dtest=InitialSyncBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.check.skip=true
 * </pre>
 *
 * (add {@code -DprefetchPages=0} for plain sequential keyset paging, {@code -Dcold=true} to leave
 * out the warm-up read of another stream) and read {@code
 * netsuite-connector/target/surefire-reports/io.dunhub.netsuite.InitialSyncBenchmark-output.txt}.
 */
class InitialSyncBenchmark {

  @Test
  void fiftyThousandInvoices() {
    Duration latency = Duration.ofMillis(100);
    int cap = 5;
    int prefetch = Integer.getInteger("prefetchPages", cap - 1);
    boolean warmUp = !Boolean.getBoolean("cold");
    InitialSync.Result r = InitialSync.run(500, 100, latency, cap, prefetch, warmUp);
    System.out.printf("prefetchPages=%d warmUp=%s%n", prefetch, warmUp);
    long pages = (r.invoices() + 999) / 1000;
    Duration capFloor = latency.multipliedBy((pages + cap - 1) / cap);
    Duration serialFloor = latency.multipliedBy(pages);
    System.out.printf(
        "invoices=%d records=%d%n"
            + "calls=%d (suiteql=%d token=%d) minimum=%d ratio=%.3f rejected429=%d%n"
            + "wall=%d ms; floor at cap %d = %d ms (ratio %.2f); floor of %d dependent pages = %d"
            + " ms (ratio %.2f)%n"
            + "sandbox time in handlers (summed over calls, incl. waiting for a shared query) = %d"
            + " ms; SuiteQL evaluation = %d ms; most calls in flight = %d%n"
            + "CPU of the whole JVM during the read (connector + sandbox + WireMock) = %d ms%n",
        r.invoices(),
        r.records(),
        r.calls(),
        r.suiteQlCalls(),
        r.tokenCalls(),
        r.minimumCalls(),
        (double) r.calls() / r.minimumCalls(),
        r.rejected(),
        r.wall().toMillis(),
        cap,
        capFloor.toMillis(),
        (double) r.wall().toMillis() / capFloor.toMillis(),
        pages,
        serialFloor.toMillis(),
        (double) r.wall().toMillis() / serialFloor.toMillis(),
        r.sandboxCpu().toMillis(),
        r.suiteQlCompute().toMillis(),
        r.maxInFlight(),
        r.processCpu().toMillis());
  }
}
