package io.dunhub.hub.cli;

import io.dunhub.hub.http.HttpServer;
import io.dunhub.hub.runtime.Hub;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code dunhub run}: the long-running hub. Starts the store (migrating it), the scheduler (a
 * recurring sync per connection and stream, and the other features' work) and the HTTP server, then
 * runs until stopped (Ctrl-C or SIGTERM), stopping everything in reverse order.
 */
@Command(name = "run", description = "Run the hub (store, scheduler, HTTP server) until stopped.")
public final class RunCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    DunhubCommand root = DunhubCommand.from(spec);
    PrintWriter out = root.out();
    try (Hub hub = root.openHub()) {
      hub.startAll();
      int port = hub.get(HttpServer.class).port();
      out.println(
          "Dunhub is running: "
              + hub.config().connections().size()
              + " connection(s), health on http://localhost:"
              + port
              + "/health, readiness on /ready. Stop with Ctrl-C.");
      out.flush();
      try {
        root.context().stopSignal().get();
      } catch (ExecutionException e) {
        // a failed stop signal still means stop
      }
      out.println("Dunhub is stopping.");
      out.flush();
    }
    return ExitCodes.OK;
  }
}
