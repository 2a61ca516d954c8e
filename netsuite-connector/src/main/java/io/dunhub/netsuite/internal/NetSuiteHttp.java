package io.dunhub.netsuite.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dunhub.core.connector.PermanentException;
import io.dunhub.core.connector.RetryableException;
import io.dunhub.core.http.CallOptions;
import java.io.IOException;
import java.io.InputStream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The REST and SuiteQL calls of one connection, on a client built by connector-core's {@code
 * HttpClientFactory}: the account's concurrency cap, retries, credentials (OAuth bearer or TBA
 * signature), error mapping through {@link NetSuiteErrorExtractor} and the redacted call log all
 * come from that chain. This class only builds requests and reads replies.
 *
 * <p>Which calls may be sent twice: GET, PUT (an upsert by external id) and DELETE by their nature,
 * SuiteQL queries (a POST that reads) and PATCH (it sets fields to values) because they are marked
 * so.
 */
public final class NetSuiteHttp {

  private static final MediaType JSON_TYPE = MediaType.get("application/json");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A reply the caller accepted: a 2xx, or a status it asked to handle itself. */
  public record Reply(int status, String body, String location) {}

  private final String baseUrl;
  private final OkHttpClient http;

  public NetSuiteHttp(String baseUrl, OkHttpClient http) {
    this.baseUrl = baseUrl;
    this.http = http;
  }

  /**
   * Calls NetSuite; a failure other than the {@code passing} statuses becomes the taxonomy's
   * exception.
   *
   * @param what what the call does, for messages ("read invoice", "write note eid:…")
   * @param prefer the {@code Prefer} header, or null
   * @param passing statuses the caller handles (a 404 that means "absent")
   */
  public Reply call(
      String method,
      String pathAndQuery,
      JsonNode body,
      String prefer,
      String what,
      Integer... passing) {
    try (Response response =
        http.newCall(request(method, pathAndQuery, body, prefer, what, passing)).execute()) {
      String text = response.body() == null ? "" : response.body().string();
      return new Reply(response.code(), text, response.header("Location"));
    } catch (IOException e) {
      throw new RetryableException(
          what + ": " + e.getClass().getSimpleName() + " talking to NetSuite", e);
    }
  }

  /** Runs a SuiteQL query for one page and parses the reply straight from the response stream. */
  public JsonNode suiteQl(String q, int limit, int offset, String what) {
    String path = "/services/rest/query/v1/suiteql?limit=" + limit + "&offset=" + offset;
    JsonNode body = JSON.createObjectNode().put("q", q);
    try (Response response =
            http.newCall(request("POST", path, body, "transient", what)).execute();
        InputStream in = response.body().byteStream()) {
      return JSON.readTree(in);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new PermanentException(what + ": NetSuite's SuiteQL reply is not JSON", null, e);
    } catch (IOException e) {
      throw new RetryableException(
          what + ": " + e.getClass().getSimpleName() + " talking to NetSuite", e);
    }
  }

  private Request request(
      String method,
      String pathAndQuery,
      JsonNode body,
      String prefer,
      String what,
      Integer... passing) {
    CallOptions options = CallOptions.none().about(what).passing(passing);
    if (method.equals("PATCH") || pathAndQuery.startsWith("/services/rest/query/")) {
      options = options.markRetryable();
    }
    Request.Builder b =
        new Request.Builder().url(baseUrl + pathAndQuery).header("Accept", "application/json");
    if (prefer != null) {
      b.header("Prefer", prefer);
    }
    b.method(method, body == null ? null : RequestBody.create(body.toString(), JSON_TYPE));
    return options.applyTo(b).build();
  }
}
