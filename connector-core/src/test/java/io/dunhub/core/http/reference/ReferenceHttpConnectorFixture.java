package io.dunhub.core.http.reference;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.auth.OAuthToken;
import io.dunhub.core.connector.ConnectionSettings;
import io.dunhub.core.connector.HostConnector;
import io.dunhub.core.connector.WriteRequest;
import io.dunhub.core.contract.ConnectorFixture;
import io.dunhub.core.contract.ContractEnvironment;
import io.dunhub.core.secret.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;

/** Runs the contract against {@link ReferenceHost} over real HTTP on localhost. */
final class ReferenceHttpConnectorFixture implements ConnectorFixture {

  private final ReferenceHost host = new ReferenceHost();
  private final MockWebServer server = new MockWebServer();

  @Override
  public HostConnector connector() {
    return new ReferenceHttpConnector();
  }

  @Override
  public ConnectionSettings start(ContractEnvironment env) {
    server.setDispatcher(host);
    try {
      server.start(InetAddress.getLoopbackAddress(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String[] token = host.issueToken();
    env.tokens()
        .compareAndSet(
            env.connection(),
            0,
            new OAuthToken(
                Secret.of(token[0]),
                Secret.of(token[1]),
                env.clock().instant().plus(Duration.ofHours(1))));
    return new ConnectionSettings(
        env.connection(),
        "reference",
        Map.of("baseUrl", server.url("/").toString(), "clientId", "dunhub"),
        Map.of("clientSecret", Secret.of("reference-client-secret")));
  }

  @Override
  public String stream() {
    return "Invoice";
  }

  @Override
  public List<String> seed(List<Instant> lastModified) {
    List<String> ids = new ArrayList<>();
    for (Instant at : lastModified) {
      ObjectNode fields = JsonNodeFactory.instance.objectNode().put("total", "10.00");
      ids.add(host.put(at, fields));
    }
    return ids;
  }

  @Override
  public void modify(String hostId, Instant at) {
    host.touch(hostId, at);
  }

  @Override
  public WriteRequest newWrite(String idempotencyKey) {
    ObjectNode payload = JsonNodeFactory.instance.objectNode().put("memo", idempotencyKey);
    return new WriteRequest(idempotencyKey, "Invoice", null, payload, null);
  }

  @Override
  public long countRecords(String hostObject) {
    return host.count();
  }

  @Override
  public void expireToken() {
    host.expireAccessToken();
  }

  @Override
  public void injectRateLimit(Duration retryAfter) {
    host.fault(
        new MockResponse()
            .setResponseCode(429)
            .setHeader("Retry-After", Long.toString(retryAfter.toSeconds())));
  }

  @Override
  public void injectServerError(int times) {
    for (int i = 0; i < times; i++) {
      host.fault(new MockResponse().setResponseCode(i % 2 == 0 ? 503 : 500));
    }
  }

  @Override
  public String injectPermanentError() {
    String message = "Field 'CustomerRef' references a customer that does not exist";
    host.fault(
        new MockResponse()
            .setResponseCode(400)
            .setBody("{\"message\":\"" + message + "\",\"errorCode\":\"INVALID_REFERENCE\"}"));
    return message;
  }

  @Override
  public long hostCalls() {
    return host.apiCalls();
  }

  @Override
  public long tokenRefreshes() {
    return host.refreshes();
  }

  @Override
  public void close() {
    try {
      server.shutdown();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
