package io.dunhub.netsuite.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Routes SuiteQL and record calls once a request is authorized. */
final class SandboxApi {

  private static final String RECORD = "/services/rest/record/v1/";
  private static final String SUITEQL = "/services/rest/query/v1/suiteql";
  static final int MAX_PAGE = 1000;

  private final SandboxStore store;
  private final SandboxRecords records;
  private final SuiteQlEngine suiteQl;
  private volatile int maxResults = 100_000;

  SandboxApi(SandboxStore store, SandboxRecords records, SuiteQlEngine suiteQl) {
    this.store = store;
    this.records = records;
    this.suiteQl = suiteQl;
  }

  SuiteQlEngine engine() {
    return suiteQl;
  }

  /** SuiteQL's cap on the rows one query can page through (100,000 in NetSuite). */
  void maxResults(int max) {
    this.maxResults = max;
  }

  static String kind(String path) {
    if (path.equals(SUITEQL)) {
      return "suiteql";
    }
    if (path.startsWith(RECORD)) {
      String rest = path.substring(RECORD.length());
      int slash = rest.indexOf('/');
      return "record:" + canonicalType(slash < 0 ? rest : rest.substring(0, slash));
    }
    return "other";
  }

  private static String canonicalType(String name) {
    for (String t : SandboxStore.TYPES) {
      if (t.equalsIgnoreCase(name)) {
        return t;
      }
    }
    return name.toLowerCase(Locale.ROOT);
  }

  Reply handle(
      String method,
      String path,
      Map<String, String> query,
      String prefer,
      String body,
      String baseUrl) {
    if (path.equals(SUITEQL)) {
      return method.equals("POST")
          ? suiteQl(query, prefer, body, baseUrl)
          : Reply.error(405, "METHOD_NOT_ALLOWED", "Use POST for SuiteQL.", null);
    }
    if (!path.startsWith(RECORD)) {
      return Reply.error(404, "NONEXISTENT_PATH", "The requested path does not exist.", null);
    }
    String[] parts = path.substring(RECORD.length()).split("/");
    String type = canonicalType(parts[0]);
    if (!SandboxStore.TYPES.contains(type)) {
      return Reply.error(
          404, "NONEXISTENT_PATH", "Record type '" + parts[0] + "' does not exist.", null);
    }
    String key = parts.length > 1 ? parts[1] : null;
    try {
      if (key == null) {
        if (!method.equals("POST")) {
          return Reply.error(405, "METHOD_NOT_ALLOWED", "Use POST to create a record.", null);
        }
        SandboxRecord r = records.create(type, null, parse(body));
        return Reply.created(baseUrl + RECORD + type + "/" + r.id());
      }
      boolean byEid = key.startsWith("eid:");
      Optional<SandboxRecord> found =
          byEid ? store.byExternalId(type, key.substring(4)) : store.get(type, key);
      switch (method) {
        case "GET":
          return found
              .map(r -> Reply.json(200, records.view(r, baseUrl)))
              .orElseGet(() -> notFound(type, key));
        case "PATCH":
          if (found.isEmpty()) {
            return notFound(type, key);
          }
          records.update(found.get(), parse(body));
          return Reply.noContent();
        case "PUT":
          if (!byEid) {
            return Reply.error(
                405, "METHOD_NOT_ALLOWED", "PUT is only allowed with an external ID (eid:).", null);
          }
          SandboxRecord r =
              found.isPresent()
                  ? records.update(found.get(), parse(body))
                  : records.create(type, key.substring(4), parse(body));
          return Reply.created(baseUrl + RECORD + type + "/" + r.id());
        case "DELETE":
          if (found.isEmpty()) {
            return notFound(type, key);
          }
          records.delete(found.get());
          return Reply.noContent();
        default:
          return Reply.error(
              405, "METHOD_NOT_ALLOWED", "Method " + method + " is not allowed.", null);
      }
    } catch (SandboxRecords.Invalid e) {
      return Reply.error(e.status, e.code, e.getMessage(), e.path);
    } catch (IOException e) {
      return Reply.error(400, "INVALID_CONTENT", "The request body is not valid JSON.", null);
    }
  }

  private static Reply notFound(String type, String key) {
    return Reply.error(
        404,
        "NONEXISTENT_ID",
        "The record instance does not exist. Provide a valid record instance ID. ("
            + type
            + " "
            + key
            + ")",
        null);
  }

  private static ObjectNode parse(String body) throws IOException {
    JsonNode n = Reply.JSON.readTree(body == null || body.isBlank() ? "{}" : body);
    if (!n.isObject()) {
      throw new IOException("not an object");
    }
    return (ObjectNode) n;
  }

  private Reply suiteQl(Map<String, String> query, String prefer, String body, String baseUrl) {
    if (prefer == null || !prefer.toLowerCase(Locale.ROOT).contains("transient")) {
      return Reply.error(
          400,
          "INVALID_PARAMETER",
          "SuiteQL requests must carry the header Prefer: transient.",
          null);
    }
    int limit;
    int offset;
    try {
      limit = Integer.parseInt(query.getOrDefault("limit", "1000"));
      offset = Integer.parseInt(query.getOrDefault("offset", "0"));
    } catch (NumberFormatException e) {
      return Reply.error(400, "INVALID_PARAMETER", "limit and offset must be numbers.", null);
    }
    if (limit < 1 || limit > MAX_PAGE) {
      return Reply.error(
          400, "INVALID_PARAMETER", "Invalid value for the limit parameter: 1 to 1000.", "limit");
    }
    if (offset < 0 || offset % limit != 0 || offset >= maxResults) {
      return Reply.error(
          400,
          "INVALID_PARAMETER",
          "Invalid value for the offset parameter: a multiple of limit below " + maxResults + ".",
          "offset");
    }
    String q;
    SuiteQlEngine.Result result;
    try {
      q = parse(body).path("q").asText(null);
      if (q == null) {
        return Reply.error(400, "INVALID_PARAMETER", "The request body needs a q.", "q");
      }
      result = suiteQl.run(q, offset, Math.min(limit, maxResults - offset));
    } catch (IOException e) {
      return Reply.error(400, "INVALID_CONTENT", "The request body is not valid JSON.", null);
    } catch (SuiteQlEngine.SuiteQlException e) {
      return Reply.error(400, "INVALID_PARAMETER", "Invalid search query. " + e.getMessage(), "q");
    }
    int total = Math.min(result.total(), maxResults);
    int end = Math.min(total, offset + limit);
    ObjectNode out = Reply.JSON.createObjectNode();
    ArrayNode links = out.putArray("links");
    String self = baseUrl + SUITEQL + "?limit=" + limit + "&offset=" + offset;
    if (end < total) {
      links
          .addObject()
          .put("rel", "next")
          .put("href", baseUrl + SUITEQL + "?limit=" + limit + "&offset=" + end);
    }
    links.addObject().put("rel", "self").put("href", self);
    out.put("count", result.items().size());
    out.put("hasMore", end < total);
    ArrayNode items = out.putArray("items");
    for (Map<String, String> row : result.items()) {
      ObjectNode item = items.addObject();
      item.putArray("links");
      row.forEach(item::put);
    }
    out.put("offset", offset);
    out.put("totalResults", total);
    return Reply.json(200, out);
  }
}
