package io.dunhub.core.http.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.auth.RefreshTokenGrant;
import io.dunhub.core.auth.SingleFlightTokenRefresher;
import io.dunhub.core.connector.Capabilities;
import io.dunhub.core.connector.CheckResult;
import io.dunhub.core.connector.ConfigSpec;
import io.dunhub.core.connector.ConfigurationException;
import io.dunhub.core.connector.Connection;
import io.dunhub.core.connector.ConnectionContext;
import io.dunhub.core.connector.HostConnector;
import io.dunhub.core.connector.Page;
import io.dunhub.core.connector.PermanentException;
import io.dunhub.core.connector.RateLimit;
import io.dunhub.core.connector.RecordSink;
import io.dunhub.core.connector.RetryableException;
import io.dunhub.core.connector.SinkSpec;
import io.dunhub.core.connector.SourceRecord;
import io.dunhub.core.connector.SourceStream;
import io.dunhub.core.connector.StreamSpec;
import io.dunhub.core.connector.Watermark;
import io.dunhub.core.connector.WriteOutcome;
import io.dunhub.core.connector.WriteRequest;
import io.dunhub.core.http.CallOptions;
import io.dunhub.core.http.HttpClientFactory;
import io.dunhub.core.model.EntityType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The smallest HTTP connector written the recommended way: one client from {@link
 * HttpClientFactory} with OAuth through a {@link SingleFlightTokenRefresher}, reads by a (time, id)
 * watermark, creates deduplicated by {@code Idempotency-Key}. It exists to prove the plumbing meets
 * the connector contract; real connectors follow the same shape.
 */
final class ReferenceHttpConnector implements HostConnector {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType APPLICATION_JSON = MediaType.get("application/json");

  @Override
  public String id() {
    return "reference";
  }

  @Override
  public ConfigSpec configSpec() {
    return new ConfigSpec()
        .define("baseUrl", ConfigSpec.Type.URL, true, "the host's API root")
        .define("clientId", ConfigSpec.Type.STRING, true, "OAuth client id")
        .define("clientSecret", ConfigSpec.Type.SECRET, true, "OAuth client secret");
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(
        List.of(new StreamSpec("Invoice", EntityType.INVOICE)),
        List.of(new SinkSpec("Invoice", EntityType.INVOICE, 1)),
        100,
        new RateLimit(100, Duration.ofSeconds(1), 4));
  }

  @Override
  public CheckResult check(ConnectionContext context) {
    return CheckResult.ok("not checked");
  }

  @Override
  public Connection open(ConnectionContext context) {
    String name = context.settings().connection();
    HttpUrl base = HttpUrl.get(context.settings().require("baseUrl"));
    RefreshTokenGrant grant =
        new RefreshTokenGrant(
            name,
            HttpClientFactory.forConnection(context).build(),
            base.resolve("/oauth2/token"),
            context.settings().require("clientId"),
            context.settings().requireSecret("clientSecret"),
            RefreshTokenGrant.ClientAuth.BASIC,
            context.clock());
    OkHttpClient http =
        HttpClientFactory.forConnection(context)
            .rateLimit(capabilities().rateLimit())
            .oauth(
                new SingleFlightTokenRefresher(
                    name, context.tokens(), grant, context.clock(), Duration.ofMinutes(1)))
            .build();
    return new Connection() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public SourceStream source(String stream) {
        if (!stream.equals("Invoice")) {
          throw new ConfigurationException(name + ": no stream " + stream);
        }
        return (watermark, limit) -> read(http, base, watermark, limit);
      }

      @Override
      public RecordSink sink(String hostObject) {
        return request -> write(http, base, request);
      }
    };
  }

  private static Page read(OkHttpClient http, HttpUrl base, Watermark watermark, int limit) {
    HttpUrl url =
        base.newBuilder("/records")
            .addQueryParameter("after", watermark == null ? "" : watermark.value())
            .addQueryParameter("limit", Integer.toString(limit))
            .build();
    JsonNode body = call(http, new Request.Builder().url(url).build());
    List<SourceRecord> records = new ArrayList<>();
    for (JsonNode r : body.path("records")) {
      records.add(
          new SourceRecord(
              "Invoice",
              r.path("id").asText(),
              null,
              Instant.parse(r.path("lastModified").asText()),
              false,
              (ObjectNode) r.path("fields")));
    }
    if (records.isEmpty()) {
      return new Page(records, watermark == null ? new Watermark("") : watermark, false);
    }
    SourceRecord last = records.get(records.size() - 1);
    return new Page(
        records, new Watermark(last.lastModified() + "|" + last.hostId()), records.size() == limit);
  }

  private static WriteOutcome write(OkHttpClient http, HttpUrl base, WriteRequest request) {
    Request post =
        CallOptions.none()
            .markRetryable()
            .about(request.hostObject() + " (key " + request.idempotencyKey() + ")")
            .applyTo(
                new Request.Builder()
                    .url(base.resolve("/records"))
                    .header("Idempotency-Key", request.idempotencyKey())
                    .post(RequestBody.create(request.payload().toString(), APPLICATION_JSON)))
            .build();
    try {
      JsonNode body = call(http, post);
      String id = body.path("id").asText();
      return body.path("replayed").asBoolean()
          ? new WriteOutcome.AlreadyApplied(id)
          : new WriteOutcome.Applied(id, null);
    } catch (RetryableException e) {
      return new WriteOutcome.Retryable(e.getMessage(), e.retryAfter());
    } catch (PermanentException e) {
      return new WriteOutcome.Permanent(e.getMessage());
    }
  }

  private static JsonNode call(OkHttpClient http, Request request) {
    try (Response response = http.newCall(request).execute()) {
      return JSON.readTree(response.body().string());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
