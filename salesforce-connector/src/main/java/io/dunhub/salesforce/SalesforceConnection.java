package io.dunhub.salesforce;

import com.sforce.soap.partner.DescribeSObjectResult;
import io.dunhub.core.connector.ConfigurationException;
import io.dunhub.core.connector.Connection;
import io.dunhub.core.connector.RecordSink;
import io.dunhub.core.connector.SourceStream;
import io.dunhub.salesforce.internal.AccountStatuses;
import io.dunhub.salesforce.internal.ActivityWriteBack;
import io.dunhub.salesforce.internal.ApiUsageTracker;
import io.dunhub.salesforce.internal.ContactFinder;
import io.dunhub.salesforce.internal.SObjectSink;
import io.dunhub.salesforce.internal.SalesforceClient;
import io.dunhub.salesforce.internal.SoqlStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Salesforce org. Streams: {@code Account}, {@code Contact}, {@code Invoice} and {@code
 * Payment} (the objects the settings name, e.g. {@code blng__Invoice__c}; the object's own name
 * works too). Sinks: any object, with {@code Task} and {@code ContentVersion} written by key lookup
 * and create, everything else by upsert on the key field; and the hub's write-back {@code Activity}
 * (a canonical activity becomes a {@code Dunning_Notice__c}, {@code Task}s and a letter). Beyond
 * the SPI it offers {@link #describe} for the mapping engine and {@link #apiUsage()} for metrics.
 */
public final class SalesforceConnection
    implements Connection, io.dunhub.core.connector.ReportsAllowance {
  private static final Set<String> KEYED_CREATE = Set.of("task", "contentversion");

  /** The hub's write-back of a canonical activity (see {@link ActivityWriteBack}). */
  public static final String ACTIVITY_WRITE_BACK = "Activity";

  private final String name;
  private final SalesforceClient client;
  private final ApiUsageTracker usage;
  private final Clock clock;
  private final Map<String, String> streamObjects;
  private final Map<String, List<String>> configuredFields;
  private final String keyField;
  private final String escalationOwner;
  private final Map<String, ObjectDescription> descriptions = new ConcurrentHashMap<>();
  private final Map<String, SoqlStream> streams = new ConcurrentHashMap<>();

  SalesforceConnection(
      String name,
      SalesforceClient client,
      ApiUsageTracker usage,
      Clock clock,
      Map<String, String> streamObjects,
      Map<String, List<String>> configuredFields,
      String keyField,
      String escalationOwner) {
    this.name = name;
    this.client = client;
    this.usage = usage;
    this.clock = clock;
    this.streamObjects = Map.copyOf(streamObjects);
    this.configuredFields = Map.copyOf(configuredFields);
    this.keyField = keyField;
    this.escalationOwner = escalationOwner;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public SourceStream source(String stream) {
    String object = objectOf(stream);
    if (object == null) {
      throw new ConfigurationException(
          name + ": Salesforce has no stream " + stream + "; streams: " + streamObjects.keySet());
    }
    return streams.computeIfAbsent(
        object, o -> new SoqlStream(client, o, () -> fieldsFor(o), clock));
  }

  @Override
  public RecordSink sink(String hostObject) {
    if (hostObject.equals(ACTIVITY_WRITE_BACK)) {
      return new ActivityWriteBack(
          name,
          sink("Dunning_Notice__c"),
          sink("Task"),
          sink("ContentVersion"),
          sink("Account"),
          new ContactFinder(client),
          new AccountStatuses(client));
    }
    String object = objectOf(hostObject);
    if (object == null) {
      object = hostObject;
    }
    if (!object.matches("[A-Za-z][A-Za-z0-9_]*")) {
      throw new ConfigurationException(name + ": not a Salesforce object name: " + hostObject);
    }
    SObjectSink.Mode mode =
        KEYED_CREATE.contains(object.toLowerCase(Locale.ROOT))
            ? SObjectSink.Mode.KEYED_CREATE
            : SObjectSink.Mode.UPSERT;
    return new SObjectSink(client, object, mode, keyField, escalationOwner);
  }

  /** The live description of an object (one {@code describeSObject} call, then cached). */
  public ObjectDescription describe(String object) {
    String resolved = objectOf(object) == null ? object : objectOf(object);
    return descriptions.computeIfAbsent(resolved, this::fetchDescription);
  }

  /** The org's API usage as last reported, or null before the first call. */
  public ApiUsage apiUsage() {
    return usage.latest();
  }

  /**
   * The org's daily API request allowance as the last reply's {@code Sforce-Limit-Info} gave it.
   */
  @Override
  public java.util.Optional<Allowance> allowance() {
    ApiUsage latest = usage.latest();
    return latest == null
        ? java.util.Optional.empty()
        : java.util.Optional.of(
            new Allowance(
                "API requests in 24 hours, org-wide", latest.used(), latest.limit(), latest.at()));
  }

  /** Calls {@code listener} with every new usage reading. */
  public void addApiUsageListener(ApiUsageListener listener) {
    usage.addListener(listener);
  }

  SalesforceClient client() {
    return client;
  }

  private String objectOf(String stream) {
    for (Map.Entry<String, String> e : streamObjects.entrySet()) {
      if (e.getKey().equalsIgnoreCase(stream) || e.getValue().equalsIgnoreCase(stream)) {
        return e.getValue();
      }
    }
    return null;
  }

  private List<String> fieldsFor(String object) {
    List<String> configured = configuredFields.get(object);
    if (configured != null) {
      return configured;
    }
    List<String> names = new ArrayList<>();
    for (ObjectDescription.Field f : describe(object).fields()) {
      if (!Set.of("address", "location", "base64", "complexvalue").contains(f.type())) {
        names.add(f.name());
      }
    }
    return names;
  }

  private ObjectDescription fetchDescription(String object) {
    DescribeSObjectResult d = client.call("describe " + object, p -> p.describeSObject(object));
    List<ObjectDescription.Field> fields = new ArrayList<>();
    for (com.sforce.soap.partner.Field f : d.getFields()) {
      fields.add(
          new ObjectDescription.Field(
              f.getName(),
              f.getLabel(),
              f.getType() == null ? "string" : f.getType().toString(),
              f.getLength(),
              f.isNillable(),
              f.isCreateable(),
              f.isUpdateable(),
              f.isExternalId(),
              f.isUnique(),
              f.getReferenceTo() == null ? List.of() : Arrays.asList(f.getReferenceTo()),
              f.getRelationshipName()));
    }
    return new ObjectDescription(d.getName(), d.getLabel(), d.isCustom(), d.isCreateable(), fields);
  }
}
