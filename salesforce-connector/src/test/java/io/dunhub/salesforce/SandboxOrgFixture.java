package io.dunhub.salesforce;

import io.dunhub.core.auth.InMemoryTokenStore;
import io.dunhub.core.connector.ConnectionContext;
import io.dunhub.core.connector.ConnectionSettings;
import io.dunhub.core.secret.Secret;
import io.dunhub.core.testing.ManualClock;
import io.dunhub.salesforce.sandbox.SalesforceSandbox;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import okhttp3.OkHttpClient;

/** A running sandbox org with a JWT app, and connection settings that reach it. */
final class SandboxOrgFixture implements AutoCloseable {
  static final String CLIENT_ID = "3MVG9dunhubTestApp";
  static final String USERNAME = "integration@dunhub-demo.example";
  static final OkHttpClient HTTP = new OkHttpClient();

  final SalesforceSandbox sandbox;
  final String privateKeyPem;
  final ManualClock clock;

  SandboxOrgFixture(Clock sandboxClock, ManualClock connectionClock) {
    this.sandbox = SalesforceSandbox.start(sandboxClock);
    this.privateKeyPem = sandbox.registerJwtApp(CLIENT_ID, USERNAME);
    this.clock = connectionClock;
  }

  ConnectionSettings settings(String connection, Map<String, String> extra) {
    Map<String, String> values = new HashMap<>();
    values.put("login_url", sandbox.loginUrl());
    values.put("client_id", CLIENT_ID);
    values.put("username", USERNAME);
    values.putAll(extra);
    return new ConnectionSettings(
        connection, "salesforce", values, Map.of("private_key", Secret.of(privateKeyPem)));
  }

  ConnectionContext context(ConnectionSettings settings) {
    return new ConnectionContext(settings, clock, new InMemoryTokenStore(), HTTP);
  }

  SalesforceConnection open(String connection, Map<String, String> extra) {
    return new SalesforceConnector().open(context(settings(connection, extra)));
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
