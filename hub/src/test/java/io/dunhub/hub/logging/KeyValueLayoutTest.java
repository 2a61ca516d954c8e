package io.dunhub.hub.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KeyValueLayoutTest {

  private final LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
  private final Logger logger = context.getLogger("io.dunhub.hub.sync.SyncEngine");

  private String render(LoggingEvent event, LogFormat format, boolean stacks) {
    return new String(
        Logging.encoder(context, format, stacks).encode(event), StandardCharsets.UTF_8);
  }

  @Test
  void oneEventIsOneLineOfKeyValuePairsWithQuotedValues() {
    LoggingEvent event =
        new LoggingEvent(
            "fqcn",
            logger,
            Level.WARN,
            "sync {} stopped: \"host\" said no",
            null,
            new Object[] {"books/Invoice"});
    event.setMDCPropertyMap(java.util.Map.of("connection", "books"));
    event.addKeyValuePair(new org.slf4j.event.KeyValuePair("records", 12));

    String line = render(event, LogFormat.TEXT, false);

    assertThat(line.lines()).hasSize(1);
    assertThat(line)
        .startsWith("time=")
        .contains(" level=WARN logger=i.d.h.sync.SyncEngine ")
        .contains(" msg=\"sync books/Invoice stopped: \\\"host\\\" said no\"")
        .contains(" connection=books")
        .contains(" records=12");
  }

  @Test
  void anExceptionStaysOnTheLineWithItsStackOnlyWhenAsked() {
    Exception error = new IllegalStateException("page 3 failed", new RuntimeException("timeout"));
    LoggingEvent event = new LoggingEvent("fqcn", logger, Level.ERROR, "sync failed", error, null);

    String quiet = render(event, LogFormat.TEXT, false);
    String verbose = render(event, LogFormat.TEXT, true);

    assertThat(quiet.lines()).hasSize(1);
    assertThat(quiet)
        .contains("error=\"java.lang.IllegalStateException: page 3 failed\"")
        .contains("cause=\"java.lang.RuntimeException: timeout\"")
        .doesNotContain("stack=");
    assertThat(verbose.lines()).hasSize(1);
    assertThat(verbose).contains("stack=\"java.lang.IllegalStateException: page 3 failed\\n\\tat ");
  }

  @Test
  void jsonIsOneObjectPerLine() {
    LoggingEvent event = new LoggingEvent("fqcn", logger, Level.INFO, "store ready", null, null);

    String line = render(event, LogFormat.JSON, false);

    assertThat(line.strip().lines()).hasSize(1);
    assertThat(line).startsWith("{").contains("\"level\":\"INFO\"").contains("store ready");
  }

  @Test
  void theQuickBooksLoggersArePinnedToInfo() {
    Logging.configure(true, LogFormat.TEXT);
    LoggerContext real = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();

    assertThat(real.getLogger("io.dunhub").getLevel()).isEqualTo(Level.DEBUG);
    assertThat(real.getLogger("com.intuit.oauth2").getEffectiveLevel()).isEqualTo(Level.INFO);
    assertThat(real.getLogger("com.intuit.logger").getEffectiveLevel()).isEqualTo(Level.INFO);
    Logging.configure(false, LogFormat.TEXT);
    assertThat(real.getLogger("io.dunhub").getLevel()).isEqualTo(Level.INFO);
  }
}
