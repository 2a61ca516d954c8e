package io.dunhub.quickbooks.internal;

import java.lang.reflect.Method;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pins the QuickBooks SDK loggers that print secrets at DEBUG ({@code com.intuit.oauth2} logs the
 * whole token reply, {@code com.intuit.logger} request and reply bodies) to INFO, so turning the
 * root logger to DEBUG never writes a token. Works with Logback, the hub's backend; with another
 * backend, configure those two loggers at INFO there.
 */
public final class SdkLogging {

  /** The SDK loggers that must never run below INFO. */
  public static final String[] SECRET_LOGGERS = {
    "com.intuit.oauth2", "com.intuit.logger", "org.apache.http.headers", "org.apache.http.wire"
  };

  private SdkLogging() {}

  /** Raises the secret-printing SDK loggers to INFO when they are set lower (or inherit lower). */
  public static void pinSecretLoggers() {
    for (String name : SECRET_LOGGERS) {
      Logger logger = LoggerFactory.getLogger(name);
      if (!logger.getClass().getName().equals("ch.qos.logback.classic.Logger")) {
        continue;
      }
      try {
        Class<?> level =
            Class.forName("ch.qos.logback.classic.Level", true, logger.getClass().getClassLoader());
        Object info = level.getField("INFO").get(null);
        Method getLevel = logger.getClass().getMethod("getLevel");
        Object current = getLevel.invoke(logger);
        int currentInt =
            current == null ? Integer.MIN_VALUE : (int) level.getMethod("toInt").invoke(current);
        if (current == null || currentInt < (int) level.getMethod("toInt").invoke(info)) {
          logger.getClass().getMethod("setLevel", level).invoke(logger, info);
        }
      } catch (ReflectiveOperationException e) {
        LoggerFactory.getLogger(SdkLogging.class)
            .warn("could not pin {} to INFO; configure it in the logging backend", name);
      }
    }
  }
}
