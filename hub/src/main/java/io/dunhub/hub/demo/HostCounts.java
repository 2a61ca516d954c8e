package io.dunhub.hub.demo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each sandbox holds, counted in its own records (not in the hub's store): the activities
 * Dunhub wrote there and the payments it holds. The demo takes one count at the start and one at
 * the end; the difference, less what the customers entered themselves, is what the hub wrote.
 *
 * @param activities per host, the records that carry dunning activity (Salesforce Tasks, Dunning
 *     Notices and Files; QuickBooks note Attachables; NetSuite notes, phone calls and tasks)
 * @param payments per host, its payment records (Salesforce Dunhub Payments; QuickBooks Payments;
 *     NetSuite customer payments)
 */
record HostCounts(Map<String, Integer> activities, Map<String, Integer> payments) {

  static final String SALESFORCE = "Salesforce";
  static final String QUICKBOOKS = "QuickBooks";
  static final String NETSUITE = "NetSuite";

  static HostCounts of(DemoHosts hosts) {
    Map<String, Integer> activities = new LinkedHashMap<>();
    Map<String, Integer> payments = new LinkedHashMap<>();
    var org = hosts.salesforce().org();
    activities.put(
        SALESFORCE,
        salesforce(org, "Task")
            + salesforce(org, "Dunning_Notice__c")
            + salesforce(org, "ContentVersion"));
    payments.put(SALESFORCE, salesforce(org, "Dunhub_Payment__c"));
    activities.put(QUICKBOOKS, hosts.realm().count("Attachable"));
    payments.put(QUICKBOOKS, hosts.realm().count("Payment"));
    var ns = hosts.netsuite().store();
    activities.put(NETSUITE, ns.count("note") + ns.count("phoneCall") + ns.count("task"));
    payments.put(NETSUITE, ns.count("customerPayment"));
    return new HostCounts(Map.copyOf(activities), Map.copyOf(payments));
  }

  private static int salesforce(io.dunhub.salesforce.sandbox.SandboxOrg org, String object) {
    return org.object(object).isPresent() ? org.records(object).size() : 0;
  }

  /** This count less an earlier one, per host. */
  static Map<String, Integer> minus(Map<String, Integer> now, Map<String, Integer> before) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (String host : new String[] {SALESFORCE, QUICKBOOKS, NETSUITE}) {
      out.put(host, now.getOrDefault(host, 0) - before.getOrDefault(host, 0));
    }
    return out;
  }
}
