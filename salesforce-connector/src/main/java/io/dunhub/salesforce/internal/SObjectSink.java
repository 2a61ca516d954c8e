package io.dunhub.salesforce.internal;

import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.UpsertResult;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.bind.XmlObject;
import io.dunhub.core.connector.ConnectorException;
import io.dunhub.core.connector.RecordSink;
import io.dunhub.core.connector.WriteOutcome;
import io.dunhub.core.connector.WriteRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes one object in batches of at most 200 records per call, idempotently:
 *
 * <ul>
 *   <li>{@link Mode#UPSERT}: {@code upsert} on the external-id key field ({@code Dunhub_Key__c});
 *       the key is the payload's own value (a stable business key, e.g. the accounting system's
 *       invoice id) or else the write's idempotency key. Writing the same idempotency key again
 *       finds the record and reports {@code AlreadyApplied}.
 *   <li>{@link Mode#KEYED_CREATE}: for objects that cannot have external ids (activities, files):
 *       one query for the batch's keys, then {@code create} of the records not there yet.
 * </ul>
 *
 * A request with a host id and no key is an {@code update} of that record. Open {@code Task}s
 * (escalations) without an owner are given the configured owner or the account's owner.
 */
public final class SObjectSink implements RecordSink {
  /** How a sink makes writes idempotent. */
  public enum Mode {
    UPSERT,
    KEYED_CREATE
  }

  public static final int MAX_BATCH = 200;

  private final SalesforceClient client;
  private final String object;
  private final Mode mode;
  private final String keyField;
  private final String escalationOwnerId;

  public SObjectSink(
      SalesforceClient client,
      String object,
      Mode mode,
      String keyField,
      String escalationOwnerId) {
    this.client = client;
    this.object = object;
    this.mode = mode;
    this.keyField = keyField;
    this.escalationOwnerId = escalationOwnerId;
  }

  @Override
  public WriteOutcome write(WriteRequest request) {
    return writeBatch(List.of(request)).get(0);
  }

  @Override
  public List<WriteOutcome> writeBatch(List<WriteRequest> requests) {
    WriteOutcome[] outcomes = new WriteOutcome[requests.size()];
    List<Integer> updates = new ArrayList<>();
    List<Integer> keyed = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      WriteRequest r = requests.get(i);
      boolean hasOwnKey = r.payload().hasNonNull(keyField);
      if (r.hostId() != null && !hasOwnKey) {
        updates.add(i);
      } else {
        keyed.add(i);
      }
    }
    for (List<Integer> chunk : chunks(updates)) {
      run(chunk, requests, outcomes, this::update);
    }
    for (List<Integer> chunk : chunks(keyed)) {
      run(chunk, requests, outcomes, mode == Mode.UPSERT ? this::upsert : this::keyedCreate);
    }
    return List.of(outcomes);
  }

  private interface ChunkWriter {
    void write(List<Integer> chunk, List<WriteRequest> requests, WriteOutcome[] outcomes);
  }

  private void run(
      List<Integer> chunk, List<WriteRequest> requests, WriteOutcome[] outcomes, ChunkWriter w) {
    try {
      w.write(chunk, requests, outcomes);
    } catch (ConnectorException e) {
      WriteOutcome failed = SalesforceErrors.outcome(e);
      for (int i : chunk) {
        outcomes[i] = failed;
      }
    }
  }

  private void update(List<Integer> chunk, List<WriteRequest> requests, WriteOutcome[] outcomes) {
    SObject[] records = new SObject[chunk.size()];
    for (int j = 0; j < chunk.size(); j++) {
      WriteRequest r = requests.get(chunk.get(j));
      records[j] = SObjects.fromJson(object, r.hostId(), r.payload(), Map.of(), where(r));
    }
    SaveResult[] results = client.call(object + " update", p -> p.update(records));
    for (int j = 0; j < chunk.size(); j++) {
      WriteRequest r = requests.get(chunk.get(j));
      outcomes[chunk.get(j)] =
          results[j].isSuccess()
              ? new WriteOutcome.Applied(results[j].getId(), null)
              : SalesforceErrors.outcome(where(r), results[j].getErrors());
    }
  }

  private void upsert(List<Integer> chunk, List<WriteRequest> requests, WriteOutcome[] outcomes) {
    SObject[] records = new SObject[chunk.size()];
    boolean[] keyIsIdempotencyKey = new boolean[chunk.size()];
    for (int j = 0; j < chunk.size(); j++) {
      WriteRequest r = requests.get(chunk.get(j));
      keyIsIdempotencyKey[j] = !r.payload().hasNonNull(keyField);
      records[j] = SObjects.fromJson(object, null, r.payload(), Map.of(keyField, key(r)), where(r));
    }
    UpsertResult[] results = client.call(object + " upsert", p -> p.upsert(keyField, records));
    for (int j = 0; j < chunk.size(); j++) {
      UpsertResult res = results[j];
      WriteRequest r = requests.get(chunk.get(j));
      if (!res.isSuccess()) {
        outcomes[chunk.get(j)] = SalesforceErrors.outcome(where(r), res.getErrors());
      } else if (res.isCreated() || !keyIsIdempotencyKey[j]) {
        outcomes[chunk.get(j)] = new WriteOutcome.Applied(res.getId(), null);
      } else {
        outcomes[chunk.get(j)] = new WriteOutcome.AlreadyApplied(res.getId());
      }
    }
  }

  private void keyedCreate(
      List<Integer> chunk, List<WriteRequest> requests, WriteOutcome[] outcomes) {
    Set<String> keys = new LinkedHashSet<>();
    for (int i : chunk) {
      keys.add(key(requests.get(i)));
    }
    Map<String, String> existing = existing(keys);
    Map<String, String> ownerByAccount = escalationOwners(chunk, requests);
    List<Integer> toCreate = new ArrayList<>();
    List<SObject> records = new ArrayList<>();
    Map<String, Integer> firstOfKey = new HashMap<>();
    for (int i : chunk) {
      WriteRequest r = requests.get(i);
      String key = key(r);
      if (existing.containsKey(key.toLowerCase(java.util.Locale.ROOT))) {
        outcomes[i] =
            new WriteOutcome.AlreadyApplied(existing.get(key.toLowerCase(java.util.Locale.ROOT)));
        continue;
      }
      if (firstOfKey.putIfAbsent(key, i) != null) {
        continue; // the same effect twice in one batch: created once, reported below
      }
      Map<String, String> extra = new LinkedHashMap<>();
      extra.put(keyField, key);
      String owner = ownerFor(r, ownerByAccount);
      if (owner != null) {
        extra.put("OwnerId", owner);
      }
      records.add(SObjects.fromJson(object, null, r.payload(), extra, where(r)));
      toCreate.add(i);
    }
    if (!records.isEmpty()) {
      SObject[] array = records.toArray(new SObject[0]);
      SaveResult[] results = client.call(object + " create", p -> p.create(array));
      for (int j = 0; j < toCreate.size(); j++) {
        WriteRequest r = requests.get(toCreate.get(j));
        outcomes[toCreate.get(j)] =
            results[j].isSuccess()
                ? new WriteOutcome.Applied(results[j].getId(), null)
                : SalesforceErrors.outcome(where(r), results[j].getErrors());
      }
    }
    for (int i : chunk) {
      if (outcomes[i] == null) {
        WriteOutcome first = outcomes[firstOfKey.get(key(requests.get(i)))];
        outcomes[i] =
            first instanceof WriteOutcome.Applied a
                ? new WriteOutcome.AlreadyApplied(a.hostId())
                : first;
      }
    }
  }

  private Map<String, String> existing(Set<String> keys) {
    StringBuilder in = new StringBuilder();
    for (String k : keys) {
      if (in.length() > 0) {
        in.append(", ");
      }
      in.append('\'').append(k.replace("\\", "\\\\").replace("'", "\\'")).append('\'');
    }
    String soql =
        "SELECT Id, " + keyField + " FROM " + object + " WHERE " + keyField + " IN (" + in + ")";
    QueryResult result = client.call(object + " key lookup", p -> p.query(soql));
    Map<String, String> found = new HashMap<>();
    if (result.getRecords() != null) {
      for (XmlObject r : result.getRecords()) {
        var json = SObjects.toJson(r);
        found.put(
            json.path(keyField).asText().toLowerCase(java.util.Locale.ROOT),
            json.path("Id").asText());
      }
    }
    return found;
  }

  /** Owners of the accounts open tasks hang on, when no owner is configured. */
  private Map<String, String> escalationOwners(List<Integer> chunk, List<WriteRequest> requests) {
    if (!object.equals("Task") || escalationOwnerId != null) {
      return Map.of();
    }
    Set<String> accounts = new LinkedHashSet<>();
    for (int i : chunk) {
      WriteRequest r = requests.get(i);
      String what = r.payload().path("WhatId").asText("");
      if (isOpenWithoutOwner(r) && what.startsWith("001")) {
        accounts.add(what);
      }
    }
    if (accounts.isEmpty()) {
      return Map.of();
    }
    String soql =
        "SELECT Id, OwnerId FROM Account WHERE Id IN ('" + String.join("', '", accounts) + "')";
    QueryResult result = client.call("Account owner lookup", p -> p.query(soql));
    Map<String, String> owners = new HashMap<>();
    if (result.getRecords() != null) {
      for (XmlObject r : result.getRecords()) {
        var json = SObjects.toJson(r);
        owners.put(json.path("Id").asText(), json.path("OwnerId").asText());
      }
    }
    return owners;
  }

  private String ownerFor(WriteRequest r, Map<String, String> ownerByAccount) {
    if (!object.equals("Task") || !isOpenWithoutOwner(r)) {
      return null;
    }
    if (escalationOwnerId != null) {
      return escalationOwnerId;
    }
    return ownerByAccount.get(r.payload().path("WhatId").asText(""));
  }

  private static boolean isOpenWithoutOwner(WriteRequest r) {
    return !r.payload().hasNonNull("OwnerId")
        && !"Completed".equals(r.payload().path("Status").asText());
  }

  private String key(WriteRequest r) {
    return r.payload().hasNonNull(keyField)
        ? r.payload().get(keyField).asText()
        : r.idempotencyKey();
  }

  private String where(WriteRequest r) {
    return client.connection() + ": " + object + " " + (r.hostId() != null ? r.hostId() : key(r));
  }

  private static List<List<Integer>> chunks(List<Integer> all) {
    List<List<Integer>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += MAX_BATCH) {
      out.add(all.subList(i, Math.min(all.size(), i + MAX_BATCH)));
    }
    return out;
  }
}
