package io.dunhub.netsuite.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.dunhub.core.connector.PermanentException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The account's currencies by ISO code. A transaction record names its currency by internal id
 * ({@code "currency": {"id": "2"}}); the ISO code is the {@code currency} record's {@code symbol}.
 * The table is read with one SuiteQL query ({@code SELECT id, symbol FROM currency}) the first time
 * a code is needed, and again when a code is not in it (a currency added to the account since),
 * never more than that. One per connection; thread-safe.
 */
public final class CurrencyIds {

  static final String QUERY = "SELECT id, symbol FROM currency ORDER BY id";

  private final NetSuiteHttp http;
  private volatile Map<String, String> byCode;

  public CurrencyIds(NetSuiteHttp http) {
    this.http = http;
  }

  /** The internal id of the currency with this ISO code, reading the table when needed. */
  public Optional<String> idOf(String code) {
    String key = code.strip().toUpperCase(Locale.ROOT);
    Map<String, String> known = byCode;
    if (known == null || !known.containsKey(key)) {
      known = load();
    }
    return Optional.ofNullable(known.get(key));
  }

  /** The codes the account has, as last read (for messages). */
  public String codes() {
    Map<String, String> known = byCode;
    return known == null || known.isEmpty() ? "none" : String.join(", ", known.keySet());
  }

  private synchronized Map<String, String> load() {
    Map<String, String> read = new TreeMap<>();
    int offset = 0;
    while (true) {
      JsonNode page =
          http.suiteQl(QUERY, SuiteQlStream.MAX_PAGE, offset, "read the account's currencies");
      JsonNode items = page.path("items");
      if (!items.isArray()) {
        throw new PermanentException(
            "read the account's currencies: NetSuite's SuiteQL reply has no items");
      }
      for (JsonNode row : items) {
        String symbol = row.path("symbol").asText("");
        if (!symbol.isBlank()) {
          read.put(symbol.strip().toUpperCase(Locale.ROOT), row.path("id").asText());
        }
      }
      if (!page.path("hasMore").asBoolean(false) || items.isEmpty()) {
        break;
      }
      offset += items.size();
    }
    Map<String, String> loaded = java.util.Collections.unmodifiableMap(read);
    byCode = loaded;
    return loaded;
  }
}
