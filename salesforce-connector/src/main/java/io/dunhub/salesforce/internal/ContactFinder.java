package io.dunhub.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.sforce.soap.partner.QueryResult;
import com.sforce.ws.bind.XmlObject;
import io.dunhub.core.connector.WriteRequest;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the contact an activity was addressed to when the hub did not name it: the contact of the
 * activity's account whose e-mail (or phone, for a text message) is the recipient. One query for a
 * whole batch of activities.
 */
public final class ContactFinder {
  private final SalesforceClient client;

  public ContactFinder(SalesforceClient client) {
    this.client = client;
  }

  /** Contact ids by the idempotency key of the writes they were found for. */
  Map<String, String> resolve(List<WriteRequest> requests) {
    Set<String> accounts = new LinkedHashSet<>();
    for (WriteRequest r : requests) {
      JsonNode a = r.payload();
      String account = ActivityWriteBack.text(a, "partyHostId");
      if (ActivityWriteBack.text(a, "contactHostId") == null
          && ActivityWriteBack.text(a, "recipient") != null
          && account != null
          && account.matches("[A-Za-z0-9]{15,18}")) {
        accounts.add(account);
      }
    }
    if (accounts.isEmpty()) {
      return Map.of();
    }
    String soql =
        "SELECT Id, AccountId, Email, Phone, MobilePhone FROM Contact WHERE AccountId IN ('"
            + String.join("', '", accounts)
            + "') ORDER BY CreatedDate, Id";
    QueryResult result = client.call("Contact lookup by recipient", p -> p.query(soql));
    Map<String, String> byAddress = new HashMap<>();
    if (result.getRecords() != null) {
      for (XmlObject record : result.getRecords()) {
        JsonNode c = SObjects.toJson(record);
        String account = ActivityWriteBack.text(c, "AccountId");
        for (String field : List.of("Email", "Phone", "MobilePhone")) {
          String address = normalize(ActivityWriteBack.text(c, field));
          if (address != null) {
            byAddress.putIfAbsent(account + "|" + address, ActivityWriteBack.text(c, "Id"));
          }
        }
      }
    }
    Map<String, String> found = new HashMap<>();
    for (WriteRequest r : requests) {
      JsonNode a = r.payload();
      String address = normalize(ActivityWriteBack.text(a, "recipient"));
      String id = byAddress.get(ActivityWriteBack.text(a, "partyHostId") + "|" + address);
      if (id != null) {
        found.put(r.idempotencyKey(), id);
      }
    }
    return found;
  }

  /** E-mail addresses compare without case, phone numbers by their digits. */
  private static String normalize(String address) {
    if (address == null) {
      return null;
    }
    if (address.contains("@")) {
      return address.trim().toLowerCase(Locale.ROOT);
    }
    String digits = address.replaceAll("[^0-9]", "");
    return digits.isEmpty() ? null : digits;
  }
}
