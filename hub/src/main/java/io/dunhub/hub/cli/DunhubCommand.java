package io.dunhub.hub.cli;

import io.dunhub.hub.logging.LogFormat;
import io.dunhub.hub.logging.Logging;
import io.dunhub.hub.runtime.Hub;
import java.io.PrintWriter;
import java.nio.file.Path;
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

  public PrintWriter out() {
    return spec.commandLine().getOut();
  }

  public PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
