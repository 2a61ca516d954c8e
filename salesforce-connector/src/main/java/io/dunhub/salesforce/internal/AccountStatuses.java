package io.dunhub.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.sforce.soap.partner.QueryResult;
import com.sforce.ws.bind.XmlObject;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The accounts' {@code Dunning_Status__c} and how statuses rank: a write-back only raises it
 * (Current, In Dunning, On Hold, Escalated, Collections), so a notice relayed after an escalation
 * does not hide the escalation, and a status an admin set higher stays.
 */
public final class AccountStatuses {
  private static final List<String> RANK =
      List.of("Current", "In_Dunning", "On_Hold", "Escalated", "Collections");

  private final SalesforceClient client;

  public AccountStatuses(SalesforceClient client) {
    this.client = client;
  }

  /** The current status of each account (absent when it has none). */
  Map<String, String> current(Collection<String> accountIds) {
    Map<String, String> out = new HashMap<>();
    if (accountIds.isEmpty()) {
      return out;
    }
    String soql =
        "SELECT Id, Dunning_Status__c FROM Account WHERE Id IN ('"
            + String.join("', '", accountIds)
            + "')";
    QueryResult result = client.call("Account dunning status", p -> p.query(soql));
    if (result.getRecords() != null) {
      for (XmlObject record : result.getRecords()) {
        JsonNode a = SObjects.toJson(record);
        String status = ActivityWriteBack.text(a, "Dunning_Status__c");
        if (status != null) {
          out.put(ActivityWriteBack.text(a, "Id"), status);
        }
      }
    }
    return out;
  }

  /** Whether {@code next} is above {@code current} (an unknown or missing status ranks lowest). */
  static boolean raises(String current, String next) {
    return RANK.indexOf(next) > RANK.indexOf(current);
  }
}
