package io.dunhub.hub.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sets up logging for one run of the CLI: the level ({@code --verbose} is DEBUG for Dunhub's own
 * loggers) and the format, on standard error so that standard output stays the command's output.
 * The QuickBooks SDK loggers ({@code com.intuit.oauth2}, {@code com.intuit.logger}) stay at INFO
 * whatever the level: at DEBUG they print tokens.
 */
public final class Logging {

  /** Loggers pinned to INFO because they print credentials at DEBUG. */
  public static final String[] PINNED_TO_INFO = {"com.intuit.oauth2", "com.intuit.logger"};

  static final String APPENDER = "STDERR";

  private Logging() {}

  /** Applies the level and format; safe to call more than once. */
  public static void configure(boolean verbose, LogFormat format) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
    context.getLogger("io.dunhub").setLevel(verbose ? Level.DEBUG : Level.INFO);
    for (String pinned : PINNED_TO_INFO) {
      context.getLogger(pinned).setLevel(Level.INFO);
    }
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setName(APPENDER);
    appender.setTarget("System.err");
    appender.setEncoder(encoder(context, format, verbose));
    appender.start();
    root.detachAppender(APPENDER);
    root.addAppender(appender);
  }

  /** The encoder for a format; also used by tests that capture log lines. */
  public static Encoder<ILoggingEvent> encoder(
      LoggerContext context, LogFormat format, boolean stackTraces) {
    if (format == LogFormat.JSON) {
      JsonEncoder json = new JsonEncoder();
      json.setContext(context);
      json.start();
      return json;
    }
    KeyValueLayout layout = new KeyValueLayout();
    layout.setContext(context);
    layout.setStackTraces(stackTraces);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.start();
    return encoder;
  }
}
