package io.dunhub.hub.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.memory.InMemoryHost;
import io.dunhub.hub.cli.CliRunner;
import io.dunhub.hub.runtime.TestConnectorsModule;
import java.io.ByteArrayOutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A full {@code dunhub --verbose sync --once}, every logger at DEBUG, on a config whose connection,
 * store key and channels carry secrets through environment variables: none of the secret values
 * appears in any log line, nor in what the command prints.
 */
class SecretsNeverLoggedTest {

  private static final Map<String, String> SECRETS =
      Map.of(
          "VAULT_TOKEN", "vault-token-7f3a9c1e",
          "DUNHUB_SECRET_KEY", "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=",
          "SMTP_PASSWORD", "smtp-pass-51d2e8",
          "SMS_TOKEN", "sms-token-0b77aa");

  private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
  private OutputStreamAppender<ILoggingEvent> capture;
  private InMemoryHost host;

  @BeforeEach
  void captureEveryLoggerAtDebug() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    capture = new OutputStreamAppender<>();
    capture.setContext(context);
    capture.setName("capture");
    capture.setEncoder(Logging.encoder(context, LogFormat.TEXT, true));
    capture.setOutputStream(logs);
    capture.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.addAppender(capture);
    root.setLevel(Level.DEBUG);
    for (Logger logger : context.getLoggerList()) {
      if (logger.getLevel() != null
          && !List.of(Logging.PINNED_TO_INFO).contains(logger.getName())) {
        logger.setLevel(Level.DEBUG);
      }
    }
  }

  @AfterEach
  void restore() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(capture);
    capture.stop();
    context.reset();
    try {
      new ch.qos.logback.classic.util.ContextInitializer(context).autoConfig();
    } catch (ch.qos.logback.core.joran.spi.JoranException e) {
      throw new IllegalStateException(e);
    }
    if (host != null) {
      InMemoryHost.remove(host.name());
    }
  }

  @Test
  void aVerboseSyncLogsNoSecret(@TempDir Path dir) throws Exception {
    host = InMemoryHost.create("secrets-test-host", Clock.systemUTC());
    ObjectMapper json = new ObjectMapper();
    ObjectNode party = json.createObjectNode().put("name", "Acme Ltd").put("email", "ap@acme.test");
    host.put("Party", "p-1", party);
    ObjectNode invoice =
        (ObjectNode)
            json.readTree(
                """
                {"partyId": "p-1", "number": "INV-1001", "issueDate": "2026-10-01",
                 "dueDate": "2026-10-31", "total": {"amount": "120.00", "currency": "EUR"},
                 "openBalance": {"amount": "120.00", "currency": "EUR"}, "status": "OPEN"}
                """);
    host.put("Invoice", "i-1", invoice);
    Path config = dir.resolve("dunhub.yml");
    Files.writeString(
        config,
        """
        mode: production
        http:
          port: 0
        store:
          embedded:
            dataDir: data
        secretKey: ${DUNHUB_SECRET_KEY}
        mappings: %s
        connections:
          - name: vault
            type: vault
            settings:
              host: secrets-test-host
              token: ${VAULT_TOKEN}
        channels:
          email:
            host: 127.0.0.1
            port: 2525
            security: none
            username: ar@acme.test
            password: ${SMTP_PASSWORD}
            from: ar@acme.test
          sms:
            baseUrl: http://127.0.0.1:9/sms
            account: AC1
            token: ${SMS_TOKEN}
            from: "+15550100"
        """
            .formatted(fixture("vault-mappings")));

    CliRunner.Result result =
        new CliRunner(SECRETS, List.of(new TestConnectorsModule()), List.of())
            .run("-c", config.toString(), "--verbose", "sync", "--once");
    capture.stop();
    String logged = logs.toString(StandardCharsets.UTF_8);

    assertThat(result.exitCode()).as(result.all() + logged).isZero();
    assertThat(result.out()).contains("vault/*: read 2");
    assertThat(logged)
        .contains("level=DEBUG")
        .contains("opening vault connection vault")
        .contains("token ******");
    for (Map.Entry<String, String> secret : SECRETS.entrySet()) {
      assertThat(logged).as("logs contain " + secret.getKey()).doesNotContain(secret.getValue());
      assertThat(result.all())
          .as("output contains " + secret.getKey())
          .doesNotContain(secret.getValue());
    }
  }

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(SecretsNeverLoggedTest.class.getResource("/config/" + name).toURI());
  }
}
