package io.dunhub.hub.cli;

import io.dunhub.hub.runtime.HubLauncher;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What commands share that comes from outside: the hub launcher (environment, clock, connector
 * registry), the terminal when standard output is one (progress bars go there; otherwise progress
 * is logged), this process's scheduler node name, and the signal that stops a long-running command
 * (completed by the JVM shutdown hook, or by a test).
 */
public record CliContext(
    HubLauncher launcher,
    Optional<PrintStream> terminal,
    String nodeName,
    CompletableFuture<Void> stopSignal) {

  /** How progress is shown: bars on the terminal, log lines otherwise. */
  public ProgressDisplay progress() {
    return terminal.isPresent()
        ? ProgressDisplay.forOutput(true, terminal.get())
        : ProgressDisplay.forOutput(false, null);
  }
}
