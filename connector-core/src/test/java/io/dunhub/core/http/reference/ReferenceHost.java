package io.dunhub.core.http.reference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A small stateful JSON host for {@code MockWebServer}: records with last-modified times, reads
 * after a (time, id) position, creates deduplicated by {@code Idempotency-Key}, OAuth with rotating
 * refresh tokens, injected faults and call counts. It lets the contract run through the real HTTP
 * plumbing.
 */
final class ReferenceHost extends Dispatcher {

  private static final ObjectMapper JSON = new ObjectMapper();

  record Row(String id, Instant lastModified, ObjectNode fields) {}

  private final Map<String, Row> rows = new HashMap<>();
  private final Map<String, String> keys = new HashMap<>();
  private final Deque<MockResponse> faults = new ArrayDeque<>();
  private final AtomicLong apiCalls = new AtomicLong();
  private final AtomicLong refreshes = new AtomicLong();
  private long ids;
  private long tokenSerial;
  private String access;
  private String refresh;

  synchronized String[] issueToken() {
    tokenSerial++;
    access = "ref-access-" + tokenSerial;
    refresh = "ref-refresh-" + tokenSerial;
    return new String[] {access, refresh};
  }

  synchronized void expireAccessToken() {
    access = null;
  }

  synchronized String put(Instant lastModified, ObjectNode fields) {
    String id = "R" + (++ids);
    rows.put(id, new Row(id, lastModified, fields));
    return id;
  }

  synchronized void touch(String id, Instant lastModified) {
    Row old = rows.get(id);
    rows.put(id, new Row(id, lastModified, old.fields().deepCopy().put("touched", true)));
  }

  synchronized long count() {
    return rows.size();
  }

  synchronized void fault(MockResponse response) {
    faults.add(response);
  }

  long apiCalls() {
    return apiCalls.get();
  }

  long refreshes() {
    return refreshes.get();
  }

  @Override
  public synchronized MockResponse dispatch(RecordedRequest request) {
    HttpUrl url = request.getRequestUrl();
    if (url.encodedPath().equals("/oauth2/token")) {
      return token(request.getBody().readUtf8());
    }
    apiCalls.incrementAndGet();
    if (access == null || !("Bearer " + access).equals(request.getHeader("Authorization"))) {
      return new MockResponse().setResponseCode(401).setBody("{\"message\":\"token expired\"}");
    }
    MockResponse fault = faults.pollFirst();
    if (fault != null) {
      return fault;
    }
    if (request.getMethod().equals("GET")) {
      return read(url.queryParameter("after"), Integer.parseInt(url.queryParameter("limit")));
    }
    return create(request.getHeader("Idempotency-Key"), request.getBody().readUtf8());
  }

  private MockResponse read(String after, int limit) {
    Comparator<Row> order = Comparator.comparing(Row::lastModified).thenComparing(Row::id);
    List<Row> sorted = rows.values().stream().sorted(order).toList();
    Row position = null;
    if (after != null && !after.isEmpty()) {
      int bar = after.indexOf('|');
      position = new Row(after.substring(bar + 1), Instant.parse(after.substring(0, bar)), null);
    }
    ArrayNode out = JSON.createArrayNode();
    for (Row row : sorted) {
      if (position != null && order.compare(row, position) <= 0) {
        continue;
      }
      if (out.size() == limit) {
        break;
      }
      out.addObject()
          .put("id", row.id())
          .put("lastModified", row.lastModified().toString())
          .set("fields", row.fields());
    }
    return json(200, JSON.createObjectNode().set("records", out));
  }

  private MockResponse create(String key, String body) {
    if (key == null) {
      return json(400, JSON.createObjectNode().put("message", "Idempotency-Key is required"));
    }
    String done = keys.get(key);
    if (done != null) {
      return json(200, JSON.createObjectNode().put("id", done).put("replayed", true));
    }
    ObjectNode fields;
    try {
      fields = (ObjectNode) JSON.readTree(body);
    } catch (Exception e) {
      return json(400, JSON.createObjectNode().put("message", "body is not JSON"));
    }
    String id = put(Instant.parse("2026-03-01T23:00:00Z"), fields);
    keys.put(key, id);
    return json(201, JSON.createObjectNode().put("id", id));
  }

  private MockResponse token(String form) {
    Map<String, String> params = new TreeMap<>();
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      params.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    if (refresh == null || !refresh.equals(params.get("refresh_token"))) {
      return json(
          400,
          JSON.createObjectNode()
              .put("error", "invalid_grant")
              .put("error_description", "refresh token invalid"));
    }
    refreshes.incrementAndGet();
    String[] issued = issueToken();
    return json(
        200,
        JSON.createObjectNode()
            .put("access_token", issued[0])
            .put("refresh_token", issued[1])
            .put("expires_in", Duration.ofHours(1).toSeconds()));
  }

  private static MockResponse json(int status, ObjectNode body) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json")
        .setBody(body.toString());
  }
}
