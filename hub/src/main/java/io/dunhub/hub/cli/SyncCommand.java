package io.dunhub.hub.cli;

import io.dunhub.hub.config.ConnectionConfig;
import io.dunhub.hub.config.ScheduleSpec;
import io.dunhub.hub.runtime.Hub;
import io.dunhub.hub.runtime.Service;
import io.dunhub.hub.sync.ParkedRecord;
import io.dunhub.hub.sync.ParkedRecords;
import io.dunhub.hub.sync.SyncEngine;
import io.dunhub.hub.sync.SyncProgress;
import io.dunhub.hub.sync.SyncReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code dunhub sync}: syncs in the foreground, with progress. {@code --once} runs one pass over
 * the connections and exits (1 when a stream stopped early); without it, passes repeat on the
 * shortest {@code every} schedule of those connections until stopped.
 */
@Command(
    name = "sync",
    description = "Sync connections now, in the foreground (see also: sync errors, sync retry).",
    subcommands = {SyncCommand.Errors.class, SyncCommand.Retry.class})
public final class SyncCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--connection",
      paramLabel = "NAME",
      description = "Only this connection (default: every connection whose sync is enabled).")
  String connection;

  @Option(names = "--once", description = "One pass, then exit.")
  boolean once;

  @Override
  public Integer call() throws InterruptedException {
    DunhubCommand root = DunhubCommand.from(spec);
    PrintWriter out = root.out();
    try (Hub hub = root.openHub()) {
      List<String> names = selected(hub, connection, spec);
      hub.services().start(s -> s.phase() < Service.SCHEDULER_PHASE);
      SyncEngine engine = hub.get(SyncEngine.class);
      Duration pause = pause(hub, names);
      while (true) {
        boolean ok = true;
        try (ProgressDisplay display = root.context().progress()) {
          SyncProgress progress = new DisplayedProgress(display);
          for (String name : names) {
            SyncReport report = engine.syncConnection(name, progress);
            out.println(report);
            out.flush();
            ok &= report.ok();
          }
        }
        if (once) {
          return ok ? ExitCodes.OK : ExitCodes.FAILED;
        }
        try {
          root.context().stopSignal().get(pause.toMillis(), TimeUnit.MILLISECONDS);
          return ExitCodes.OK;
        } catch (TimeoutException e) {
          // next pass
        } catch (ExecutionException e) {
          return ExitCodes.OK;
        }
      }
    }
  }

  /** The connections named, or every enabled one; an unknown name is a usage error. */
  static List<String> selected(Hub hub, String connection, CommandSpec spec) {
    if (connection != null) {
      if (hub.config().connection(connection).isEmpty()) {
        throw new ParameterException(
            spec.commandLine(),
            "no connection named '"
                + connection
                + "' in "
                + hub.config().file()
                + "; configured: "
                + hub.config().connections().stream().map(ConnectionConfig::name).toList());
      }
      return List.of(connection);
    }
    List<String> names = new ArrayList<>();
    for (ConnectionConfig c : hub.config().connections()) {
      if (c.sync().enabled()) {
        names.add(c.name());
      }
    }
    return names;
  }

  private static Duration pause(Hub hub, List<String> names) {
    Duration shortest = Duration.ofMinutes(1);
    for (String name : names) {
      ScheduleSpec schedule = hub.config().connection(name).orElseThrow().sync().schedule();
      if (schedule instanceof ScheduleSpec.Every every
          && every.interval().compareTo(shortest) < 0) {
        shortest = every.interval();
      }
    }
    return shortest;
  }

  /** Feeds the sync engine's progress to the display. */
  static final class DisplayedProgress implements SyncProgress {
    private final ProgressDisplay display;

    DisplayedProgress(ProgressDisplay display) {
      this.display = display;
    }

    @Override
    public void started(String connection, String stream) {
      display.started(connection + "/" + stream);
    }

    @Override
    public void page(String connection, String stream, int records, long total) {
      display.advanced(connection + "/" + stream, records, total);
    }

    @Override
    public void finished(SyncReport report) {
      display.finished(
          report.connection() + "/" + report.stream(),
          report.error() == null
              ? report.read() + " read, " + report.parked() + " parked"
              : "stopped: " + report.error());
    }
  }

  /** {@code dunhub sync errors}. */
  @Command(
      name = "errors",
      description = "List parked records (records that could not be synced) with their reason.")
  public static final class Errors implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--connection", paramLabel = "NAME", description = "Only this connection.")
    String connection;

    @Override
    public Integer call() {
      DunhubCommand root = DunhubCommand.from(spec);
      PrintWriter out = root.out();
      try (Hub hub = root.openHub()) {
        if (connection != null) {
          selected(hub, connection, spec);
        }
        hub.startStore();
        ParkedRecords parked = hub.get(ParkedRecords.class);
        int total = 0;
        for (ParkedRecord record : parked.list(connection)) {
          out.println("#" + record.id() + "  " + record.describe());
          total++;
        }
        out.println(
            total == 0
                ? "No parked records."
                : total
                    + " parked record(s); retry with 'dunhub sync retry [--id N]', then"
                    + " 'dunhub sync --once'.");
        out.flush();
        return ExitCodes.OK;
      }
    }
  }

  /** {@code dunhub sync retry}. */
  @Command(
      name = "retry",
      description = "Make parked records due for another attempt at the next sync.")
  public static final class Retry implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--connection", paramLabel = "NAME", description = "Only this connection.")
    String connection;

    @Option(names = "--id", paramLabel = "N", description = "Only the parked record number N.")
    Long id;

    @Override
    public Integer call() {
      DunhubCommand root = DunhubCommand.from(spec);
      PrintWriter out = root.out();
      try (Hub hub = root.openHub()) {
        if (connection != null) {
          selected(hub, connection, spec);
        }
        hub.startStore();
        ParkedRecords parked = hub.get(ParkedRecords.class);
        if (id != null) {
          if (!parked.retry(id)) {
            throw new IllegalArgumentException("there is no parked record #" + id);
          }
          out.println("Parked record #" + id + " is due again; run 'dunhub sync --once'.");
        } else {
          int n = parked.retryAll(connection);
          out.println(n + " parked record(s) are due again; run 'dunhub sync --once'.");
        }
        out.flush();
        return ExitCodes.OK;
      }
    }
  }
}
