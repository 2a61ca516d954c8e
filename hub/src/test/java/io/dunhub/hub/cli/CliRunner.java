package io.dunhub.hub.cli;

import com.google.inject.Module;
import io.dunhub.hub.config.EnvLookup;
import io.dunhub.hub.runtime.HubLauncher;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Runs {@code dunhub} in-process with a given environment and captures what it prints. */
public final class CliRunner {

  /** What one run printed and returned. */
  public record Result(int exitCode, String out, String err) {
    public String all() {
      return out + err;
    }
  }

  private final Map<String, String> env;
  private final List<Module> baseModules;
  private final List<Module> overrides;
  private final CompletableFuture<Void> stop = new CompletableFuture<>();

  public CliRunner(Map<String, String> env, List<Module> baseModules, List<Module> overrides) {
    this.env = env;
    this.baseModules = baseModules;
    this.overrides = overrides;
  }

  public CliRunner(Map<String, String> env) {
    this(env, List.of(), List.of());
  }

  /** Completes the stop signal a running {@code dunhub run} waits for. */
  public void stop() {
    stop.complete(null);
  }

  public Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context =
        new CliContext(
            new HubLauncher(EnvLookup.of(env), Clock.systemUTC(), baseModules, overrides),
            java.util.Optional.empty(),
            "test-node",
            stop);
    int code =
        DunhubCli.create(context, new PrintWriter(out, true), new PrintWriter(err, true))
            .execute(args);
    return new Result(code, out.toString(), err.toString());
  }
}
