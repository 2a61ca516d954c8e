package io.dunhub.hub.cli;

import io.dunhub.hub.bench.BenchSupport;
import io.dunhub.hub.bench.DunningBenchmark;
import io.dunhub.hub.bench.SyncBenchmark;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dunhub bench ...}: measurements. */
@Command(
    name = "bench",
    description = "Measure the hub (sync throughput, the dunning sweep) on each store.",
    subcommands = {BenchCommand.Sync.class, BenchCommand.Dunning.class})
public final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.USAGE;
  }

  /** The options every benchmark takes: its parties and the stores it measures. */
  static final class Stores {
    @Option(
        names = "--parties",
        paramLabel = "N",
        defaultValue = "200000",
        description = "Parties to generate (default: ${DEFAULT-VALUE}).")
    int parties;

    @Option(
        names = "--postgres",
        paramLabel = "URL",
        defaultValue = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres",
        description =
            "A PostgreSQL database the benchmark may create (and drop) databases from"
                + " (default: ${DEFAULT-VALUE}).")
    String postgres;

    @Option(names = "--no-postgres", description = "Measure only the embedded store.")
    boolean noPostgres;

    @Option(names = "--no-hsqldb", description = "Measure only PostgreSQL.")
    boolean noHsqldb;

    /** The PostgreSQL URL to measure on, or null for none. */
    String postgresOrNull() {
      return noPostgres ? null : postgres;
    }
  }

  /** A benchmark run in a throw-away folder: prints its progress, then a line per result. */
  interface Measure {
    List<String> run(Path work, PrintStream progress) throws IOException;
  }

  /**
   * Runs {@code measure} in a new temporary folder (deleted after), its progress passed on to the
   * command's output; a bad option ({@link IllegalArgumentException}) is a usage error.
   */
  static int measure(CommandSpec spec, String command, Measure measure) throws IOException {
    PrintWriter out = DunhubCommand.from(spec).out();
    Path work = Files.createTempDirectory("dunhub-bench");
    try {
      PrintStream progress = new PrintStream(new WriterStream(out), true, StandardCharsets.UTF_8);
      List<String> results = measure.run(work, progress);
      progress.flush();
      out.println();
      results.forEach(out::println);
      out.flush();
      return ExitCodes.OK;
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println(command + ": " + e.getMessage());
      return ExitCodes.USAGE;
    } finally {
      BenchSupport.delete(work);
    }
  }

  /** {@code dunhub bench sync}. */
  @Command(
      name = "sync",
      description =
          "Initial and incremental sync of generated parties and invoices, on the embedded store"
              + " and PostgreSQL, against a plain JDBC batch insert.")
  public static final class Sync implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin Stores stores;

    @Option(
        names = "--invoices",
        paramLabel = "N",
        defaultValue = "1000000",
        description = "Invoices to generate (default: ${DEFAULT-VALUE}).")
    int invoices;

    @Override
    public Integer call() throws IOException {
      return measure(
          spec,
          "dunhub bench sync",
          (work, progress) -> {
            List<SyncBenchmark.Result> results =
                SyncBenchmark.run(
                    new SyncBenchmark.Options(
                        stores.parties, invoices, !stores.noHsqldb, stores.postgresOrNull(), work),
                    progress);
            List<String> lines = new java.util.ArrayList<>();
            lines.add(
                String.format(
                    Locale.ROOT, "max heap %,d MB", Runtime.getRuntime().maxMemory() >> 20));
            results.forEach(r -> lines.add(r.describe()));
            return lines;
          });
    }
  }

  /** {@code dunhub bench dunning}. */
  @Command(
      name = "dunning",
      description =
          "The dunning sweep over a generated ledger with a share of cases due today, on the"
              + " embedded store and PostgreSQL, against a plain JDBC read of the due rows and a"
              + " batch insert of as many outbox rows.")
  public static final class Dunning implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin Stores stores;

    @Option(
        names = "--invoices",
        paramLabel = "N",
        defaultValue = "1000000",
        description = "Open invoices (each under a dunning case) (default: ${DEFAULT-VALUE}).")
    int invoices;

    @Option(
        names = "--due-percent",
        paramLabel = "P",
        defaultValue = "10",
        description = "Share of the cases due for a step today (default: ${DEFAULT-VALUE}).")
    int duePercent;

    @Option(
        names = "--no-warm-up",
        description =
            "Time each store's first sweep in this JVM (by default a sweep of a separate ledger of"
                + " twice as many due cases runs first, so the timed one runs on compiled code, as"
                + " in a running hub).")
    boolean noWarmUp;

    @Override
    public Integer call() throws IOException {
      return measure(
          spec,
          "dunhub bench dunning",
          (work, progress) ->
              DunningBenchmark.run(
                      new DunningBenchmark.Options(
                          stores.parties,
                          invoices,
                          duePercent,
                          !stores.noHsqldb,
                          stores.postgresOrNull(),
                          work,
                          !noWarmUp),
                      progress)
                  .stream()
                  .map(DunningBenchmark.Result::describe)
                  .toList());
    }
  }

  /** Bytes written to a PrintStream, passed on to the command's writer. */
  private static final class WriterStream extends java.io.OutputStream {
    private final PrintWriter writer;
    private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

    WriterStream(PrintWriter writer) {
      this.writer = writer;
    }

    @Override
    public synchronized void write(int b) {
      line.write(b);
      if (b == '\n') {
        flush();
      }
    }

    @Override
    public synchronized void flush() {
      writer.print(line.toString(StandardCharsets.UTF_8));
      writer.flush();
      line.reset();
    }
  }
}
