package io.dunhub.hub.dunning.cli;

import io.dunhub.hub.dunning.DunningSimulator;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dunhub dunning simulate --from <date> --to <date>}: moves a clock through the period, runs
 * sync, the dunning sweep and the outbox relay at each tick (sending through the configured
 * channels), and prints the timeline of what happened.
 */
@Command(
    name = "simulate",
    description = "Play the dunning schedule through a period and print the timeline.",
    mixinStandardHelpOptions = true)
public final class SimulateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--from", required = true, description = "first day (UTC), e.g. 2026-03-01")
  LocalDate from;

  @Option(names = "--to", required = true, description = "last day (UTC, inclusive)")
  LocalDate to;

  @Option(
      names = "--tick",
      defaultValue = "PT1H",
      description = "clock step, ISO-8601 duration (default PT1H)")
  Duration tick;

  private final Supplier<DunningRuntime> runtime;

  public SimulateCommand(Supplier<DunningRuntime> runtime) {
    this.runtime = runtime;
  }

  @Override
  public Integer call() {
    DunningRuntime rt = runtime.get();
    PrintWriter out = spec.commandLine().getOut();
    if (rt.clockSetter() == null) {
      spec.commandLine()
          .getErr()
          .println("simulate needs a hub started with a settable clock (simulation mode)");
      return 2;
    }
    Instant start = from.atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant end = to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    DunningSimulator.Totals totals =
        new DunningSimulator(rt.clockSetter(), rt.sweep(), rt.relay())
            .run(start, end, tick, t -> rt.sync().run());
    rt.store()
        .jdbi()
        .useHandle(
            h ->
                h.createQuery(
                        "SELECT a.occurred_at, a.type, a.channel, a.recipient, i.number, a.subject FROM activities a"
                            + " LEFT JOIN invoices i ON i.id = a.invoice_id WHERE a.occurred_at >= :from AND a.occurred_at < :to"
                            + " ORDER BY a.occurred_at, i.number, a.channel")
                    .bind("from", start)
                    .bind("to", end)
                    .map(
                        (rs, ctx) ->
                            String.format(
                                "%s  %-10s %-15s %-7s %-28s %s",
                                rs.getObject(1, java.time.OffsetDateTime.class).toInstant(),
                                rs.getString(5),
                                rs.getString(2),
                                rs.getString(3) == null ? "-" : rs.getString(3),
                                rs.getString(4) == null ? "-" : rs.getString(4),
                                rs.getString(6)))
                    .forEach(out::println));
    out.printf(
        "%d ticks, %d actions, %d deliveries, %d retries, %d dead letters%n",
        totals.ticks(), totals.actions(), totals.delivered(), totals.retried(), totals.dead());
    out.flush();
    return totals.dead() > 0 ? 1 : 0;
  }
}
