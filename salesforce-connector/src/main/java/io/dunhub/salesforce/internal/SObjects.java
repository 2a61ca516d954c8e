package io.dunhub.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.bind.XmlObject;
import io.dunhub.core.connector.ConfigurationException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Converts between WSC's partner {@link SObject}s and JSON. Read: every field as the text
 * Salesforce sent (dates {@code YYYY-MM-DD}, datetimes ISO-8601, numbers as plain decimals,
 * booleans {@code "true"}/{@code "false"}), nil as JSON null, relationships as nested objects.
 * Write: text values as they are, JSON nulls into {@code fieldsToNull}.
 */
public final class SObjects {
  private SObjects() {}

  public static ObjectNode toJson(XmlObject record) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Iterator<XmlObject> it = record.getChildren(); it.hasNext(); ) {
      XmlObject child = it.next();
      String name = child.getName().getLocalPart();
      if (name.equals("type") || out.has(name)) {
        continue;
      }
      if (child.getChildren().hasNext()) {
        out.set(name, toJson(child));
      } else {
        Object value = child.getValue();
        if (value == null) {
          if (!name.equals("Id")) {
            out.putNull(name);
          }
        } else {
          out.put(name, value.toString());
        }
      }
    }
    return out;
  }

  /** A record to write; {@code extra} fields (the key, an owner) override the payload. */
  public static SObject fromJson(
      String type, String id, ObjectNode payload, Map<String, String> extra, String where) {
    SObject s = new SObject(type);
    if (id != null) {
      s.setId(id);
    }
    List<String> toNull = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = payload.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      JsonNode v = e.getValue();
      if (name.equals("Id") || name.equals("attributes") || extra.containsKey(name)) {
        continue;
      }
      if (v == null || v.isNull()) {
        toNull.add(name);
      } else if (v.isObject() || v.isArray()) {
        throw new ConfigurationException(
            where + ": field " + name + " holds a nested value; map it to a single field");
      } else if (v.isBigDecimal() || v.isFloatingPointNumber()) {
        s.setField(name, v.decimalValue().toPlainString());
      } else {
        s.setField(name, v.asText());
      }
    }
    extra.forEach(s::setField);
    if (!toNull.isEmpty()) {
      s.setFieldsToNull(toNull.toArray(new String[0]));
    }
    return s;
  }
}
