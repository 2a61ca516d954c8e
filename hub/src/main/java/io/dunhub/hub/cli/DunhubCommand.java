package io.dunhub.hub.cli;

import io.dunhub.hub.config.Mode;
import io.dunhub.hub.dunning.cli.DunningRuntime;
import io.dunhub.hub.logging.LogFormat;
import io.dunhub.hub.logging.Logging;
import io.dunhub.hub.runtime.DunningRuntimes;
import io.dunhub.hub.runtime.Hub;
import io.dunhub.hub.runtime.Service;
import io.dunhub.hub.runtime.SettableClock;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code dunhub}: the root command and its global options.
 *
 * <p><b>Adding a command</b> is one line: put its class in {@code subcommands} below. A command is
 * a self-contained picocli class; it reaches the hub with {@link #from(CommandSpec)}, e.g. {@code
 * DunhubCommand.from(spec).openHub()}.
 */
@Command(
    name = "dunhub",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Dunhub: an open-source dunning connector hub for Salesforce, QuickBooks Online"
            + " and NetSuite.",
    commandListHeading = "%nCommands:%n",
    footer = {
      "",
      "Exit codes: 0 done, 1 failed, 2 bad command line, 3 invalid config.",
      "Run 'dunhub COMMAND --help' for a command's options."
    },
    subcommands = {
      RunCommand.class,
      SyncCommand.class,
      ConfigCommand.class,
      BenchCommand.class,
      io.dunhub.hub.mapping.MappingsCommand.class,
      io.dunhub.hub.dunning.cli.DunningCommand.class,
      io.dunhub.hub.outbox.cli.OutboxCommand.class,
      io.dunhub.hub.admin.cli.AdminCommand.class,
      io.dunhub.hub.salesforce.SalesforceCommand.class,
      DemoCommand.class,
      HelpCommand.class,
    })
public final class DunhubCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      scope = ScopeType.INHERIT,
      description = "The config file (default: ${DEFAULT-VALUE}).",
      defaultValue = "dunhub.yml")
  Path config;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Log at DEBUG and print stack traces of errors.")
  boolean verbose;

  @Option(
      names = "--log-format",
      paramLabel = "FORMAT",
      scope = ScopeType.INHERIT,
      description = "Log lines as ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      defaultValue = "text")
  LogFormat logFormat;

  private final CliContext context;
  private Hub opened;
  private DunningRuntime dunning;

  public DunhubCommand(CliContext context) {
    this.context = context;
  }

  /** The root command of the command line a subcommand belongs to. */
  public static DunhubCommand from(CommandSpec spec) {
    return (DunhubCommand) spec.root().userObject();
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.USAGE;
  }

  public CliContext context() {
    return context;
  }

  public Path configFile() {
    return config;
  }

  public boolean verbose() {
    return verbose;
  }

  /** Applies the logging options; the CLI calls it before running a command. */
  void configureLogging() {
    Logging.configure(verbose, logFormat == null ? LogFormat.TEXT : logFormat);
  }

  /**
   * Reads and validates the config, then wires the hub; starts nothing.
   *
   * @throws io.dunhub.hub.config.ConfigException with every problem in the config
   */
  public Hub openHub() {
    return context.launcher().open(config, context.nodeName());
  }

  /**
   * The dunning engine of the configured hub, for {@code dunhub dunning} and {@code dunhub outbox}:
   * opens the hub on first use and starts its store (the hub is closed when the command ends).
   *
   * @param simulation on a clock of its own that {@code dunning simulate} moves (starting now)
   */
  synchronized DunningRuntime dunningRuntime(boolean simulation) {
    if (dunning == null) {
      opened = openHub();
      if (simulation && opened.config().mode() == Mode.PRODUCTION) {
        throw new IllegalStateException(
            "dunning simulate sends real notices through the configured channels; it refuses a"
                + " production config ("
                + opened.config().file()
                + " has mode: production). Run it on a sandbox config with mode: development.");
      }
      opened.services().start(s -> s.phase() < Service.SCHEDULER_PHASE);
      if (simulation) {
        Clock real = opened.get(Clock.class);
        SettableClock clock = new SettableClock(real.instant(), real.getZone());
        dunning = opened.get(DunningRuntimes.class).build(clock, clock::set);
      } else {
        dunning = opened.get(DunningRuntime.class);
      }
    }
    return dunning;
  }

  /** Closes the hub {@link #dunningRuntime} opened, if any. */
  synchronized void closeOpened() {
    if (opened != null) {
      opened.close();
      opened = null;
      dunning = null;
    }
  }

  public PrintWriter out() {
    return spec.commandLine().getOut();
  }

  public PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
