package io.dunhub.hub.outbox.cli;

import io.dunhub.hub.dunning.cli.DunningRuntime;
import io.dunhub.hub.outbox.OutboxRow;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dunhub outbox}: list and re-queue dead letters. */
@Command(
    name = "outbox",
    description = "Inspect and re-queue outbox dead letters.",
    mixinStandardHelpOptions = true,
    subcommands = {OutboxCommand.Dead.class, OutboxCommand.Retry.class})
public final class OutboxCommand {

  /** {@code dunhub outbox dead}: rows that failed for good or ran out of attempts. */
  @Command(
      name = "dead",
      description = "List dead letters with their last error.",
      mixinStandardHelpOptions = true)
  public static final class Dead implements Callable<Integer> {
    @Spec CommandSpec spec;
    private final Supplier<DunningRuntime> runtime;

    public Dead(Supplier<DunningRuntime> runtime) {
      this.runtime = runtime;
    }

    @Override
    public Integer call() {
      List<OutboxRow> dead = runtime.get().outbox().dead();
      PrintWriter out = spec.commandLine().getOut();
      if (dead.isEmpty()) {
        out.println("no dead letters");
      }
      for (OutboxRow r : dead) {
        out.printf(
            "%d  %s  %s  %s  attempts=%d  since %s%n    %s%n",
            r.id(),
            r.kind(),
            r.channel() != null ? r.channel() : r.connection(),
            r.idempotencyKey(),
            r.attempts(),
            r.updatedAt(),
            r.lastError());
      }
      out.flush();
      return dead.isEmpty() ? 0 : 1;
    }
  }

  /** {@code dunhub outbox retry [ID] [--all]}: re-queue dead letters for immediate attempts. */
  @Command(
      name = "retry",
      description = "Re-queue one dead letter, or all with --all.",
      mixinStandardHelpOptions = true)
  public static final class Retry implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "0..1", description = "the dead letter's id (see outbox dead)")
    Long id;

    @Option(names = "--all", description = "re-queue every dead letter")
    boolean all;

    private final Supplier<DunningRuntime> runtime;

    public Retry(Supplier<DunningRuntime> runtime) {
      this.runtime = runtime;
    }

    @Override
    public Integer call() {
      if ((id == null) == !all) {
        spec.commandLine().getErr().println("give a dead letter id or --all");
        return 2;
      }
      int n = runtime.get().outbox().retry(all ? null : id);
      spec.commandLine().getOut().println(n + " dead letter(s) re-queued");
      spec.commandLine().getOut().flush();
      return n > 0 || all ? 0 : 1;
    }
  }
}
