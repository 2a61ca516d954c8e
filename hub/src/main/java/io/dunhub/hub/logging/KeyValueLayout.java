package io.dunhub.hub.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * One log event on one line as {@code key=value} pairs: {@code time}, {@code level}, {@code
 * logger}, {@code msg}, then the MDC and the SLF4J key-value pairs, then {@code error} (and, at
 * DEBUG, {@code stack} with its line breaks written as {@code \n}). Values with spaces, quotes or
 * {@code =} are quoted, so a line can be split by a machine or read by a person.
 */
public final class KeyValueLayout extends LayoutBase<ILoggingEvent> {

  private boolean stackTraces;

  /** Whether exceptions carry their stack trace (one line, escaped). Off by default. */
  public void setStackTraces(boolean stackTraces) {
    this.stackTraces = stackTraces;
  }

  @Override
  public String doLayout(ILoggingEvent event) {
    StringBuilder b = new StringBuilder(160);
    b.append("time=").append(Instant.ofEpochMilli(event.getTimeStamp()));
    b.append(" level=").append(event.getLevel());
    b.append(" logger=").append(shorten(event.getLoggerName()));
    b.append(" thread=");
    value(b, event.getThreadName());
    b.append(" msg=");
    value(b, event.getFormattedMessage());
    Map<String, String> mdc = event.getMDCPropertyMap();
    if (mdc != null) {
      mdc.forEach((k, v) -> pair(b, k, v));
    }
    if (event.getKeyValuePairs() != null) {
      for (KeyValuePair kv : event.getKeyValuePairs()) {
        pair(b, kv.key, String.valueOf(kv.value));
      }
    }
    IThrowableProxy error = event.getThrowableProxy();
    if (error != null) {
      pair(b, "error", error.getClassName() + ": " + error.getMessage());
      for (IThrowableProxy cause = error.getCause(); cause != null; cause = cause.getCause()) {
        pair(b, "cause", cause.getClassName() + ": " + cause.getMessage());
      }
      if (stackTraces) {
        pair(b, "stack", stack(error));
      }
    }
    return b.append(System.lineSeparator()).toString();
  }

  private static String stack(IThrowableProxy error) {
    StringBuilder s = new StringBuilder();
    for (IThrowableProxy t = error; t != null; t = t.getCause()) {
      if (t != error) {
        s.append("Caused by: ");
      }
      s.append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
      for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
        s.append("\tat ").append(frame.getStackTraceElement()).append('\n');
      }
    }
    return s.toString();
  }

  private static void pair(StringBuilder b, String key, String value) {
    b.append(' ').append(key).append('=');
    value(b, value);
  }

  /** Writes a value, quoted and escaped when it needs to be, on one line. */
  static void value(StringBuilder b, String value) {
    if (value == null) {
      b.append("null");
      return;
    }
    boolean quote = value.isEmpty();
    for (int i = 0; i < value.length() && !quote; i++) {
      char c = value.charAt(i);
      quote = c <= ' ' || c == '"' || c == '=' || c == '\\';
    }
    if (!quote) {
      b.append(value);
      return;
    }
    b.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> b.append(c);
      }
    }
    b.append('"');
  }

  /** {@code io.dunhub.hub.sync.SyncEngine} → {@code i.d.h.sync.SyncEngine}. */
  static String shorten(String logger) {
    String[] parts = logger.split("\\.");
    if (parts.length <= 2) {
      return logger;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < parts.length - 2; i++) {
      b.append(parts[i].isEmpty() ? "" : parts[i].substring(0, 1)).append('.');
    }
    return b.append(parts[parts.length - 2]).append('.').append(parts[parts.length - 1]).toString();
  }
}
