package io.dunhub.core.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures what Logback logs under a logger (at every level, DEBUG included), with messages
 * formatted and stack traces flattened, so a test can assert what a person reading the log sees.
 * Close it to detach.
 */
public final class LogCapture implements AutoCloseable {

  private final Logger logger;
  private final Level previous;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private LogCapture(String loggerName) {
    this.logger = (Logger) LoggerFactory.getLogger(loggerName);
    this.previous = logger.getLevel();
    logger.setLevel(Level.ALL);
    appender.start();
    logger.addAppender(appender);
  }

  /** Captures {@code loggerName} and every logger below it ({@code "io.dunhub"}). */
  public static LogCapture of(String loggerName) {
    return new LogCapture(loggerName);
  }

  /** Every captured line: level, logger, formatted message and any exception messages. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (ILoggingEvent e : List.copyOf(appender.list)) {
      StringBuilder line =
          new StringBuilder()
              .append(e.getLevel())
              .append(' ')
              .append(e.getLoggerName())
              .append(' ')
              .append(e.getFormattedMessage());
      for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
        line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
      }
      lines.add(line.toString());
    }
    return lines;
  }

  /** All lines joined, for {@code doesNotContain} checks. */
  public String text() {
    return String.join("\n", lines());
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    logger.setLevel(previous);
  }
}
