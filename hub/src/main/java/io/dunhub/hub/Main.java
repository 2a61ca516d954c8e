package io.dunhub.hub;

import io.dunhub.hub.cli.CliContext;
import io.dunhub.hub.cli.DunhubCli;
import io.dunhub.hub.config.EnvLookup;
import io.dunhub.hub.runtime.HubLauncher;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The {@code dunhub} executable. The only place that touches the real environment, clock, console
 * and JVM shutdown; everything else has them injected.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    CompletableFuture<Void> stop = new CompletableFuture<>();
    CountDownLatch finished = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stop.complete(null);
                  try {
                    finished.await(60, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "dunhub-shutdown"));
    CliContext context =
        new CliContext(
            new HubLauncher(EnvLookup.system(), Clock.systemUTC()),
            System.console() != null ? Optional.of(System.out) : Optional.empty(),
            nodeName(),
            stop);
    Charset charset = Charset.defaultCharset();
    PrintWriter out = new PrintWriter(System.out, true, charset);
    PrintWriter err = new PrintWriter(System.err, true, charset);
    int code;
    try {
      code = DunhubCli.create(context, out, err).execute(args);
    } finally {
      finished.countDown();
    }
    System.exit(code);
  }

  /** {@code host-pid}, at most 50 characters (db-scheduler's picked_by column). */
  private static String nodeName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "dunhub";
    }
    String name = host + "-" + ProcessHandle.current().pid();
    return name.length() <= 50 ? name : name.substring(name.length() - 50);
  }
}
