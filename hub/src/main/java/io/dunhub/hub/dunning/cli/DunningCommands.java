package io.dunhub.hub.dunning.cli;

import io.dunhub.hub.outbox.cli.OutboxCommand;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * Wires the dunning and outbox commands to a runtime. Register them under {@code dunhub} with
 * {@code new CommandLine(new DunningCommand(), DunningCommands.factory(runtime))} (and the same for
 * {@link OutboxCommand}).
 */
public final class DunningCommands {
  private DunningCommands() {}

  public static CommandLine.IFactory factory(Supplier<DunningRuntime> runtime) {
    CommandLine.IFactory fallback = CommandLine.defaultFactory();
    return new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        if (type == PlanCommand.class) {
          return type.cast(new PlanCommand(runtime));
        }
        if (type == SimulateCommand.class) {
          return type.cast(new SimulateCommand(runtime));
        }
        if (type == OutboxCommand.Dead.class) {
          return type.cast(new OutboxCommand.Dead(runtime));
        }
        if (type == OutboxCommand.Retry.class) {
          return type.cast(new OutboxCommand.Retry(runtime));
        }
        return fallback.create(type);
      }
    };
  }
}
