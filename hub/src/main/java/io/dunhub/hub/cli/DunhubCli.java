package io.dunhub.hub.cli;

import io.dunhub.hub.dunning.cli.DunningCommands;
import io.dunhub.hub.dunning.cli.SimulateCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Builds the {@code dunhub} command line: the commands, their shared {@link CliContext}, error
 * handling and exit codes.
 */
public final class DunhubCli {

  private DunhubCli() {}

  /** A command line writing to these streams; call {@code execute(args)} for the exit code. */
  public static CommandLine create(CliContext context, PrintWriter out, PrintWriter err) {
    DunhubCommand root = new DunhubCommand(context);
    CommandLine cli = new CommandLine(root, factory(context, root));
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(new ErrorHandler());
    cli.setExecutionStrategy(
        parsed -> {
          root.configureLogging();
          try {
            return new CommandLine.RunLast().execute(parsed);
          } finally {
            root.closeOpened();
          }
        });
    return cli;
  }

  /**
   * Commands get the context through a constructor taking it; the dunning and outbox commands get
   * the hub's dunning engine ({@link DunningCommands}); the others a no-argument constructor.
   */
  private static IFactory factory(CliContext context, DunhubCommand root) {
    IFactory live = DunningCommands.factory(() -> root.dunningRuntime(false));
    IFactory simulation = DunningCommands.factory(() -> root.dunningRuntime(true));
    return new IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        try {
          return type.getDeclaredConstructor(CliContext.class).newInstance(context);
        } catch (NoSuchMethodException e) {
          return type == SimulateCommand.class ? simulation.create(type) : live.create(type);
        }
      }
    };
  }
}
