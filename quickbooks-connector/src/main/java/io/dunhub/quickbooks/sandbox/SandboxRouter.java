package io.dunhub.quickbooks.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

/** Routes every request that reaches the sandbox's WireMock to the QBO behaviour it stands for. */
final class SandboxRouter implements ResponseDefinitionTransformerV2 {

  static final String NAME = "qbo-sandbox";
  private static final String JSON = "application/json;charset=UTF-8";
  private static final String COMPANY = "/v3/company/";
  static final String TOKEN_PATH = "/oauth2/v1/tokens/bearer";
  private static final int MAX_BATCH = 30;

  /** QBO's limits on {@code requestid}: 50 characters, 36 on a batch. */
  static final int MAX_REQUEST_ID = 50;

  static final int MAX_BATCH_REQUEST_ID = 36;

  private final QboSandbox sandbox;

  SandboxRouter(QboSandbox sandbox) {
    this.sandbox = sandbox;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    Request req = event.getRequest();
    String url = req.getUrl();
    int scheme = url.indexOf("://");
    if (scheme >= 0) {
      int slash = url.indexOf('/', scheme + 3);
      url = slash < 0 ? "/" : url.substring(slash);
    }
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);
    Map<String, String> params = params(q < 0 ? "" : url.substring(q + 1));
    sandbox.pause();
    if (path.equals(TOKEN_PATH)) {
      sandbox.count("token");
      return token(req);
    }
    if (!path.startsWith(COMPANY)) {
      return reply(404, "text/plain", "Not Found");
    }
    String[] parts = path.substring(COMPANY.length()).split("/");
    String realmId = parts[0];
    List<String> rest = Arrays.asList(parts).subList(1, parts.length);
    String label = label(req.getMethod().getName(), rest, params);
    sandbox.count(label);
    SandboxRealm realm = sandbox.realmOrNull(realmId);
    Instant now = sandbox.clock().instant();
    String time =
        SandboxJson.replyTime(now, realm == null ? QboSandbox.COMPANY_ZONE : realm.zone());
    SandboxFault fault = sandbox.nextFault(label);
    boolean lose = fault == SandboxFault.LOST_RESPONSE;
    if (fault != null && !lose) {
      return faultReply(fault, time);
    }
    String auth = req.getHeader("Authorization");
    String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7).trim() : "";
    if (realm == null || !sandbox.oauth().realmOf(token).map(realmId::equals).orElse(false)) {
      return fault(QboFault.authentication(), time);
    }
    if (!sandbox.enter(realmId)) {
      sandbox.leave(realmId);
      return fault(QboFault.throttled(), time);
    }
    try {
      String requestId = params.get("requestid");
      boolean write = req.getMethod().getName().equals("POST") && !rest.get(0).equals("query");
      int maxRequestId = rest.get(0).equals("batch") ? MAX_BATCH_REQUEST_ID : MAX_REQUEST_ID;
      if (requestId != null && requestId.length() > maxRequestId) {
        return fault(
            QboFault.validation(
                "2500",
                "Invalid Request",
                "requestid is longer than "
                    + maxRequestId
                    + " characters ("
                    + requestId.length()
                    + ")"),
            time);
      }
      if (write && requestId != null) {
        ResponseDefinition earlier = sandbox.replay(realmId, requestId);
        if (earlier != null) {
          sandbox.count("replayed");
          return earlier;
        }
      }
      ResponseDefinition answer;
      try {
        answer = ok(dispatch(realm, req, rest, params, time), time);
      } catch (QboFault f) {
        answer = fault(f, time);
      }
      if (write && requestId != null) {
        sandbox.remember(realmId, requestId, answer);
      }
      return lose ? faultReply(SandboxFault.LOST_RESPONSE, time) : answer;
    } finally {
      sandbox.leave(realmId);
    }
  }

  private ObjectNode dispatch(
      SandboxRealm realm, Request req, List<String> rest, Map<String, String> params, String time) {
    String method = req.getMethod().getName();
    String first = rest.isEmpty() ? "" : rest.get(0);
    ObjectNode out = SandboxJson.object();
    switch (first) {
      case "query" -> {
        String statement = method.equals("POST") ? body(req) : params.getOrDefault("query", "");
        out.set("QueryResponse", realm.query(SandboxQuery.parse(statement)));
        return out;
      }
      case "cdc" -> {
        String entities = params.getOrDefault("entities", "");
        String since = params.get("changedSince");
        if (entities.isBlank() || since == null) {
          throw QboFault.validation(
              "2020",
              "Required param missing, need to supply the required value for the API",
              "entities and changedSince are required");
        }
        ObjectNode cdc = out.putArray("CDCResponse").addObject();
        cdc.set(
            "QueryResponse", realm.changes(Arrays.asList(entities.split(",")), parseSince(since)));
        return out;
      }
      case "batch" -> {
        out.set("BatchItemResponse", batch(realm, SandboxJson.parse(body(req)), time));
        return out;
      }
      default -> {
        String entity = SandboxRealm.canonicalEntity(first);
        if (method.equals("GET") && rest.size() == 2) {
          out.set(
              entity,
              realm
                  .get(entity, rest.get(1))
                  .orElseThrow(() -> QboFault.notFound(entity, rest.get(1))));
          return out;
        }
        if (method.equals("POST") && rest.size() == 3 && rest.get(2).equals("send")) {
          out.set(entity, realm.send(rest.get(1), params.get("sendTo")));
          return out;
        }
        if (method.equals("POST") && rest.size() == 1) {
          ObjectNode body = SandboxJson.parse(body(req));
          out.set(
              entity, write(realm, entity, params.get("operation"), params.get("include"), body));
          return out;
        }
        throw QboFault.validation(
            "2010", "Request has invalid or unsupported property", method + " " + rest);
      }
    }
  }

  private static ObjectNode write(
      SandboxRealm realm, String entity, String operation, String include, ObjectNode body) {
    if ("void".equals(include) || "void".equals(operation)) {
      return realm.voidTxn(entity, body);
    }
    if ("delete".equals(operation)) {
      return realm.delete(entity, body);
    }
    if ("update".equals(operation) || body.hasNonNull("Id")) {
      return realm.update(entity, body, body.path("sparse").asBoolean(false));
    }
    return realm.create(entity, body);
  }

  private ArrayNode batch(SandboxRealm realm, ObjectNode request, String time) {
    ArrayNode items = request.withArray("BatchItemRequest");
    if (items.size() > MAX_BATCH) {
      throw QboFault.validation(
          "1040",
          "Batch request size exceeded",
          "A batch holds at most " + MAX_BATCH + " items; this one had " + items.size());
    }
    ArrayNode out = SandboxJson.MAPPER.createArrayNode();
    for (JsonNode item : items) {
      ObjectNode result = out.addObject();
      result.put("bId", item.path("bId").asText());
      try {
        if (item.has("Query")) {
          result.set("QueryResponse", realm.query(SandboxQuery.parse(item.get("Query").asText())));
          continue;
        }
        String entity = null;
        for (String e : SandboxRealm.ENTITIES) {
          if (item.has(e)) {
            entity = e;
          }
        }
        if (entity == null) {
          throw QboFault.validation(
              "2010", "Request has invalid or unsupported property", "batch item names no entity");
        }
        String operation = item.path("operation").asText("create");
        String options = item.path("optionsData").asText(null);
        result.set(entity, write(realm, entity, operation, options, (ObjectNode) item.get(entity)));
      } catch (QboFault f) {
        result.set("Fault", SandboxJson.faultNode(f));
      }
    }
    return out;
  }

  private ResponseDefinition token(Request req) {
    if (!sandbox.oauth().clientMatches(req.getHeader("Authorization"))) {
      return tokenReply(401, "{\"error\":\"invalid_client\"}");
    }
    Map<String, String> form = params(body(req));
    if (!"refresh_token".equals(form.get("grant_type"))) {
      return tokenReply(400, "{\"error\":\"unsupported_grant_type\"}");
    }
    return sandbox
        .oauth()
        .refresh(form.getOrDefault("refresh_token", ""))
        .map(
            t -> {
              ObjectNode body = SandboxJson.object();
              body.put("token_type", "bearer");
              body.put("access_token", t.accessToken());
              body.put("expires_in", t.expiresIn());
              body.put("refresh_token", t.refreshToken());
              body.put("x_refresh_token_expires_in", t.refreshExpiresIn());
              return tokenReply(200, body.toString());
            })
        .orElseGet(() -> tokenReply(400, "{\"error\":\"invalid_grant\"}"));
  }

  private static ResponseDefinition tokenReply(int status, String body) {
    return new ResponseDefinitionBuilder()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withHeader("intuit_tid", UUID.randomUUID().toString())
        .withBody(body)
        .build();
  }

  private ResponseDefinition faultReply(SandboxFault fault, String time) {
    return switch (fault) {
      case THROTTLE -> fault(QboFault.throttled(), time);
      case SERVER_ERROR -> fault(QboFault.server(), time);
      case UNAUTHORIZED -> fault(QboFault.authentication(), time);
      case VALIDATION -> fault(QboFault.invalidReference(), time);
      case SERVER_ERROR_NO_FAULT ->
          reply(500, "text/html", "<html><body><h1>500 Internal Server Error</h1></body></html>");
      case UNAVAILABLE -> reply(503, "text/plain", "Service Unavailable");
      case LOST_RESPONSE ->
          reply(502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>");
    };
  }

  private static ResponseDefinition ok(ObjectNode body, String time) {
    body.put("time", time);
    return reply(200, JSON, body.toString());
  }

  private static ResponseDefinition fault(QboFault f, String time) {
    return reply(f.status(), JSON, SandboxJson.faultBody(f, time).toString());
  }

  private static ResponseDefinition reply(int status, String contentType, String body) {
    return new ResponseDefinitionBuilder()
        .withStatus(status)
        .withHeader("Content-Type", contentType)
        .withHeader("intuit_tid", UUID.randomUUID().toString())
        .withBody(body)
        .build();
  }

  /** The endpoint a call is counted under: {@code query:Invoice}, {@code create:payment}, ... */
  static String label(String method, List<String> rest, Map<String, String> params) {
    if (rest.isEmpty()) {
      return method;
    }
    String first = rest.get(0);
    switch (first) {
      case "query" -> {
        String statement = params.getOrDefault("query", "");
        String[] words = statement.trim().split("\\s+");
        for (int i = 0; i < words.length - 1; i++) {
          if (words[i].equalsIgnoreCase("FROM")) {
            return "query:" + words[i + 1];
          }
        }
        return "query";
      }
      case "cdc", "batch" -> {
        return first;
      }
      default -> {
        if (method.equals("GET")) {
          return "read:" + first;
        }
        if (rest.size() == 3) {
          return rest.get(2) + ":" + first;
        }
        String op = params.get("operation");
        if ("void".equals(params.get("include"))) {
          op = "void";
        }
        return (op == null ? "create" : op) + ":" + first;
      }
    }
  }

  private static Instant parseSince(String raw) {
    String since = raw.replace(' ', '+');
    try {
      return SandboxJson.parseTime(since);
    } catch (RuntimeException e) {
      try {
        return java.time.LocalDate.parse(since).atStartOfDay(QboSandbox.COMPANY_ZONE).toInstant();
      } catch (RuntimeException e2) {
        throw QboFault.validation("2020", "Invalid changedSince", "cannot parse " + since);
      }
    }
  }

  private static String body(Request req) {
    byte[] bytes = req.getBody();
    if (bytes == null) {
      return "";
    }
    if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
        bytes = in.readAllBytes();
      } catch (IOException e) {
        throw QboFault.validation("2500", "Invalid Request", "bad gzip body");
      }
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  static Map<String, String> params(String query) {
    Map<String, String> out = new HashMap<>();
    if (query == null || query.isBlank()) {
      return out;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  static List<String> split(String csv) {
    List<String> out = new ArrayList<>();
    for (String s : csv.split(",")) {
      if (!s.isBlank()) {
        out.add(s.trim());
      }
    }
    return out;
  }
}
