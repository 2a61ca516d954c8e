package io.dunhub.hub.cli;

import io.dunhub.hub.bench.DunningBenchmark;
import io.dunhub.hub.bench.SyncBenchmark;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
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

  /** {@code dunhub bench sync}. */
  @Command(
      name = "sync",
      description =
          "Initial and incremental sync of generated parties and invoices, on the embedded store"
              + " and PostgreSQL, against a plain JDBC batch insert.")
  public static final class Sync implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
        names = "--parties",
        paramLabel = "N",
        defaultValue = "200000",
        description = "Parties to generate (default: ${DEFAULT-VALUE}).")
    int parties;

    @Option(
        names = "--invoices",
        paramLabel = "N",
        defaultValue = "1000000",
        description = "Invoices to generate (default: ${DEFAULT-VALUE}).")
    int invoices;

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

    @Override
    public Integer call() throws IOException {
      PrintWriter out = DunhubCommand.from(spec).out();
      Path work = Files.createTempDirectory("dunhub-bench");
      try {
        PrintStream progress = new PrintStream(new WriterStream(out), true, StandardCharsets.UTF_8);
        List<SyncBenchmark.Result> results =
            SyncBenchmark.run(
                new SyncBenchmark.Options(
                    parties, invoices, !noHsqldb, noPostgres ? null : postgres, work),
                progress);
        progress.flush();
        out.println();
        out.printf(Locale.ROOT, "max heap %,d MB%n", Runtime.getRuntime().maxMemory() >> 20);
        results.forEach(r -> out.println(r.describe()));
        out.flush();
        return ExitCodes.OK;
      } finally {
        delete(work);
      }
    }

    static void delete(Path dir) throws IOException {
      if (!Files.exists(dir)) {
        return;
      }
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
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

    @Option(
        names = "--parties",
        paramLabel = "N",
        defaultValue = "200000",
        description = "Parties to generate (default: ${DEFAULT-VALUE}).")
    int parties;

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
        names = "--postgres",
        paramLabel = "URL",
        defaultValue = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres",
        description =
            "A PostgreSQL database the benchmark may create (and drop) a database from"
                + " (default: ${DEFAULT-VALUE}).")
    String postgres;

    @Option(names = "--no-postgres", description = "Measure only the embedded store.")
    boolean noPostgres;

    @Option(names = "--no-hsqldb", description = "Measure only PostgreSQL.")
    boolean noHsqldb;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = DunhubCommand.from(spec).out();
      Path work = Files.createTempDirectory("dunhub-bench");
      try {
        PrintStream progress = new PrintStream(new WriterStream(out), true, StandardCharsets.UTF_8);
        List<DunningBenchmark.Result> results =
            DunningBenchmark.run(
                new DunningBenchmark.Options(
                    parties, invoices, duePercent, !noHsqldb, noPostgres ? null : postgres, work),
                progress);
        progress.flush();
        out.println();
        results.forEach(r -> out.println(r.describe()));
        out.flush();
        return ExitCodes.OK;
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println("dunhub bench dunning: " + e.getMessage());
        return ExitCodes.USAGE;
      } finally {
        Sync.delete(work);
      }
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
