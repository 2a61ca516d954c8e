package io.dunhub.hub.cli;

import io.dunhub.hub.demo.DemoConsole;
import io.dunhub.hub.demo.DemoSession;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code dunhub demo}: the hub with a sandbox of Salesforce, QuickBooks Online and NetSuite seeded
 * with one company, GreenMail as the mail server and a stub SMS provider, on an accelerated clock.
 * Interactive by default (the console stays up until Ctrl-C); {@code --days N --exit} runs N days
 * headless, prints a summary and exits non-zero when anything dead-lettered.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Watch a dunning cycle: the hub with seeded Salesforce, QuickBooks and NetSuite sandboxes"
            + " on a fast clock.")
public final class DemoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      defaultValue = "dunhub-demo",
      description =
          "Where the demo writes its config, mappings and data (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(
      names = "--speed",
      paramLabel = "DURATION",
      defaultValue = "5s",
      description =
          "Real time per simulated day, e.g. 5s, 500ms, 1m (default: ${DEFAULT-VALUE}); ignored"
              + " with --exit.")
  String speed;

  @Option(
      names = "--days",
      paramLabel = "N",
      description = "Simulated days to play (default: 30 with --exit, else 90).")
  Integer days;

  @Option(
      names = "--exit",
      description = "Run headless as fast as possible, print a summary and exit (for CI).")
  boolean exit;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8080",
      description =
          "The hub's HTTP port for the console and API; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--start",
      paramLabel = "DATE",
      description = "The first simulated day (default: today, UTC).")
  LocalDate start;

  @Option(
      names = "--tick",
      paramLabel = "DURATION",
      description = "Clock step within a day, ISO-8601 (default: PT2H, PT6H with --exit).")
  Duration tick;

  @Option(
      names = "--seed",
      defaultValue = "2026",
      description = "The company's random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  private final CliContext context;

  public DemoCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    DunhubCommand root = DunhubCommand.from(spec);
    Duration perDay = parseSpeed();
    if (days != null && days < 1) {
      throw new ParameterException(spec.commandLine(), "--days must be at least 1");
    }
    int toPlay = days != null ? days : exit ? 30 : 90;
    LocalDate first =
        start != null ? start : LocalDate.now(context.launcher().clock().withZone(ZoneOffset.UTC));
    DemoSession.Options options;
    try {
      options =
          new DemoSession.Options(
              dir,
              first,
              tick != null ? tick : Duration.ofHours(exit ? 6 : 2),
              DemoConsole.freePort(port),
              seed);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    DemoConsole console = new DemoConsole(root.out(), !root.verbose());
    console.quietLogs();
    console.starting(options);
    try (DemoSession session = DemoSession.start(options, context.launcher().env())) {
      console.welcome(session, exit ? Duration.ZERO : perDay, toPlay);
      for (int d = 0; d < toPlay && !context.stopSignal().isDone(); d++) {
        console.day(session.runDay(exit ? Duration.ZERO : perDay));
      }
      var summary = session.summary();
      console.summary(session, summary);
      if (!exit && !context.stopSignal().isDone()) {
        console.keepsRunning(session);
        try {
          context.stopSignal().get();
        } catch (ExecutionException e) {
          // a failed stop signal still means stop
        }
      }
      return summary.deadLetters().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }
  }

  private Duration parseSpeed() {
    String s = speed.trim().toLowerCase(java.util.Locale.ROOT);
    try {
      if (s.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).trim()));
      }
      if (s.endsWith("s")) {
        return Duration.ofMillis(
            Math.round(Double.parseDouble(s.substring(0, s.length() - 1).trim()) * 1000));
      }
      if (s.endsWith("m")) {
        return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1).trim()) * 60);
      }
      return Duration.parse(speed.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (RuntimeException e) {
      throw new ParameterException(
          spec.commandLine(),
          "--speed '" + speed + "' is not a duration; write e.g. 5s, 500ms or 1m");
    }
  }
}
