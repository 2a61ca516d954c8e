package io.dunhub.hub.cli;

import io.dunhub.hub.runtime.HubLauncher;
import java.util.concurrent.CompletableFuture;

/**
 * What commands share that comes from outside: the hub launcher (environment, clock, connector
 * registry), whether standard output is a terminal, this process's scheduler node name, and the
 * signal that stops a long-running command (completed by the JVM shutdown hook, or by a test).
 */
public record CliContext(
    HubLauncher launcher, boolean terminal, String nodeName, CompletableFuture<Void> stopSignal) {}
