package io.dunhub.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code dunhub bench dunning} at a reduced size, on both stores: it seeds, sweeps, checks that the
 * sweep wrote one notice per due case and measures the floor. Only that it works is checked here,
 * never the timing (that is for a quiet machine, see docs/benchmarks.md).
 */
class BenchDunningCommandIT {

  @Test
  void measuresTheSweepAgainstItsFloorOnEachStore() {
    String postgres =
        System.getenv()
            .getOrDefault(
                "DUNHUB_TEST_POSTGRES_URL",
                "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
    CliRunner.Result r =
        new CliRunner(Map.of())
            .run(
                "bench",
                "dunning",
                "--parties",
                "300",
                "--invoices",
                "1500",
                "--due-percent",
                "10",
                "--postgres",
                postgres);

    assertThat(r.exitCode()).as(r.all()).isZero();
    assertThat(r.out())
        .contains("load average")
        .containsPattern("hsqldb +1,500 invoices, 300 parties, 150 due: sweep [0-9.]+ s")
        .containsPattern("postgresql +1,500 invoices, 300 parties, 150 due: sweep [0-9.]+ s")
        .contains("150 notices")
        .containsPattern("ratio [0-9.]+x")
        // the warm-up sweeps twice as many due cases as the timed sweep, on a separate ledger
        .containsPattern(
            "postgresql: warm-up \\(on a separate ledger of 300 due cases, 2 groups\\): sweep");
  }

  @Test
  void refusesASizeItCannotGenerate() {
    CliRunner.Result r =
        new CliRunner(Map.of())
            .run("bench", "dunning", "--parties", "10", "--invoices", "1000", "--no-postgres");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("at most one due invoice per party");
  }
}
