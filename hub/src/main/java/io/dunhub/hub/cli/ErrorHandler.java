package io.dunhub.hub.cli;

import io.dunhub.hub.config.ConfigError;
import io.dunhub.hub.config.ConfigException;
import io.dunhub.hub.runtime.Failures;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed command into a clear message and an exit code: every config problem with its
 * file:line:column, or one line saying what failed. The stack trace only with {@code --verbose}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parsed) {
    PrintWriter err = commandLine.getErr();
    DunhubCommand root = (DunhubCommand) commandLine.getCommandSpec().root().userObject();
    ConfigException config = find(e, ConfigException.class);
    if (config != null) {
      for (ConfigError error : config.errors()) {
        err.println(error.format());
      }
      err.println(
          "dunhub: "
              + config.errors().size()
              + (config.errors().size() == 1 ? " problem" : " problems")
              + " in the configuration; fix "
              + (config.errors().size() == 1 ? "it" : "them")
              + " and try again ('dunhub config validate' checks the file)");
      err.flush();
      return ExitCodes.CONFIG_INVALID;
    }
    err.println("dunhub: " + describe(e));
    if (root.verbose()) {
      e.printStackTrace(err);
    } else {
      err.println("(run with --verbose for details)");
    }
    err.flush();
    return ExitCodes.FAILED;
  }

  /** The message of the exception and its causes, without repeating a cause already said. */
  static String describe(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = Failures.unwrap(e); t != null; t = Failures.unwrap(t.getCause())) {
      String message = t.getMessage();
      if (message == null || message.isBlank()) {
        message = t.getClass().getSimpleName();
      }
      if (b.indexOf(message) >= 0) {
        continue;
      }
      if (b.length() > 0) {
        b.append(": ");
      }
      b.append(message);
      if (b.length() > 800) {
        break;
      }
    }
    return b.toString();
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = Failures.unwrap(t.getCause())) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
