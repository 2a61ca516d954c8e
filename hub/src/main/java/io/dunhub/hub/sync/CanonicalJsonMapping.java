package io.dunhub.hub.sync;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dunhub.core.connector.SourceRecord;
import io.dunhub.core.mapping.InboundMapping;
import io.dunhub.core.mapping.Lookups;
import io.dunhub.core.mapping.MappingException;
import io.dunhub.core.mapping.MappingResult;
import io.dunhub.core.mapping.OutboundMapping;
import io.dunhub.core.model.EntityType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A mapping for hosts whose records already carry canonical field names (the in-memory connector's
 * {@code Party}, {@code Contact}, {@code Invoice} and {@code Payment}): the only translation is of
 * references, host ids ↔ canonical ids, through {@link Lookups}. It stands in for declarative
 * mapping files where a host speaks the canonical model, and lets the engine be proven without
 * them.
 *
 * <p>References: {@code partyId} of contacts, invoices and payments names a {@code Party} of the
 * same host; {@code applications[].invoiceId} of payments names an {@code Invoice}. Fields whose
 * name starts with {@code _} are host bookkeeping and are ignored.
 */
public final class CanonicalJsonMapping implements InboundMapping, OutboundMapping {

  private final String hostObject;
  private final EntityTable table;
  private final String partyObject;
  private final String invoiceObject;

  /**
   * @param hostObject the host object this mapping reads and writes
   * @param entity the canonical entity it holds
   */
  public CanonicalJsonMapping(String hostObject, EntityType entity) {
    this(hostObject, entity, "Party", "Invoice");
  }

  /** With the names of the host objects references point at. */
  public CanonicalJsonMapping(
      String hostObject, EntityType entity, String partyObject, String invoiceObject) {
    this.hostObject = hostObject;
    this.table = EntityTable.of(entity);
    this.partyObject = partyObject;
    this.invoiceObject = invoiceObject;
  }

  /** The four mappings of the in-memory connector, parties first. */
  public static List<CanonicalJsonMapping> forInMemoryHost() {
    return List.of(
        new CanonicalJsonMapping("Party", EntityType.PARTY),
        new CanonicalJsonMapping("Contact", EntityType.CONTACT),
        new CanonicalJsonMapping("Invoice", EntityType.INVOICE),
        new CanonicalJsonMapping("Payment", EntityType.PAYMENT));
  }

  @Override
  public String hostObject() {
    return hostObject;
  }

  @Override
  public EntityType entity() {
    return table.entity();
  }

  @Override
  public MappingResult toCanonical(SourceRecord record, String connection, Lookups lookups) {
    ObjectNode tree = record.raw().deepCopy();
    stripBookkeeping(tree);
    tree.putNull("id");
    if (table.entity() != EntityType.PARTY) {
      String hostParty = text(tree.get("partyId"));
      if (hostParty != null) {
        Optional<String> party =
            lookups.canonicalId(EntityType.PARTY, connection, partyObject, hostParty);
        if (party.isEmpty()) {
          return new MappingResult.Failed(
              hostObject + ".partyId",
              hostParty,
              partyObject + " " + hostParty + " has not been synced from " + connection + " yet");
        }
        tree.put("partyId", party.get());
      }
    }
    if (table.entity() == EntityType.PAYMENT
        && tree.get("applications") instanceof ArrayNode apps) {
      for (JsonNode app : apps) {
        String hostInvoice = text(app.get("invoiceId"));
        if (hostInvoice == null) {
          continue;
        }
        Optional<String> invoice =
            lookups.canonicalId(EntityType.INVOICE, connection, invoiceObject, hostInvoice);
        if (invoice.isEmpty()) {
          return new MappingResult.Failed(
              hostObject + ".applications.invoiceId",
              hostInvoice,
              invoiceObject
                  + " "
                  + hostInvoice
                  + " has not been synced from "
                  + connection
                  + " yet");
        }
        ((ObjectNode) app).put("invoiceId", invoice.get());
      }
    }
    try {
      return new MappingResult.Mapped(CanonicalJson.read(tree, table.recordClass()), List.of());
    } catch (IllegalArgumentException e) {
      return failure(e, tree);
    }
  }

  private MappingResult failure(IllegalArgumentException e, ObjectNode tree) {
    String field = null;
    if (e.getCause() instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
      field = jme.getPath().get(0).getFieldName();
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String reason = root.getMessage() == null ? e.getMessage() : root.getMessage();
    int newline = reason == null ? -1 : reason.indexOf('\n');
    if (newline > 0) {
      reason = reason.substring(0, newline);
    }
    String rule = field == null ? hostObject : hostObject + "." + field;
    String value = field == null ? null : text(tree.get(field));
    return new MappingResult.Failed(rule, value, reason);
  }

  @Override
  public ObjectNode toHost(Object canonical, String connection, Lookups lookups) {
    ObjectNode tree = CanonicalJson.tree(canonical);
    String canonicalId = text(tree.get("id"));
    tree.remove("id");
    if (table.entity() != EntityType.PARTY) {
      String party = text(tree.get("partyId"));
      if (party != null) {
        tree.put(
            "partyId",
            lookups
                .hostId(EntityType.PARTY, party, connection, partyObject)
                .orElseThrow(
                    () ->
                        new MappingException(
                            hostObject + ".partyId",
                            party,
                            "party of "
                                + entityName()
                                + " "
                                + canonicalId
                                + " is not linked to "
                                + connection
                                + " yet")));
      }
    }
    if (table.entity() == EntityType.PAYMENT
        && tree.get("applications") instanceof ArrayNode apps) {
      for (JsonNode app : apps) {
        String invoice = text(app.get("invoiceId"));
        ((ObjectNode) app)
            .put(
                "invoiceId",
                lookups
                    .hostId(EntityType.INVOICE, invoice, connection, invoiceObject)
                    .orElseThrow(
                        () ->
                            new MappingException(
                                hostObject + ".applications.invoiceId",
                                invoice,
                                "invoice is not linked to " + connection + " yet")));
      }
    }
    return tree;
  }

  private String entityName() {
    return table.entity().name().toLowerCase(Locale.ROOT);
  }

  private static void stripBookkeeping(ObjectNode tree) {
    List<String> drop = new ArrayList<>();
    for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (name.startsWith("_")) {
        drop.add(name);
      }
    }
    tree.remove(drop);
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
