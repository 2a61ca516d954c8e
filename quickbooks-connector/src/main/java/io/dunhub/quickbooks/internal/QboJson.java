package io.dunhub.quickbooks.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotationIntrospectorPair;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.module.jaxb.JaxbAnnotationIntrospector;
import com.intuit.ipp.core.IEntity;
import com.intuit.ipp.data.IntuitResponse;
import com.intuit.ipp.exception.SerializationException;
import com.intuit.ipp.serialization.JSONSerializer;
import io.dunhub.core.connector.PermanentException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import javax.xml.bind.JAXBElement;
import javax.xml.namespace.QName;

/**
 * Converts between the SDK's entities and QBO's JSON, with the SDK's own serializer, so the JSON
 * the mapping engine reads has exactly QBO's field names ({@code CustomerRef.value}, {@code
 * BillEmail.Address}).
 */
public final class QboJson {

  static final String NAMESPACE = "http://schema.intuit.com/finance/v3";

  /** Reads amounts as {@code BigDecimal}, never as {@code double}. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private QboJson() {}

  /** An entity as QBO's JSON. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static ObjectNode toJson(IEntity entity) {
    try {
      JAXBElement element =
          new JAXBElement(
              new QName(NAMESPACE, entity.getClass().getSimpleName()), entity.getClass(), entity);
      String json = new JSONSerializer().serialize(element);
      return (ObjectNode) plain(MAPPER.readTree(json));
    } catch (SerializationException | java.io.IOException e) {
      throw new IllegalStateException(
          "cannot serialize a QuickBooks " + entity.getClass().getSimpleName(), e);
    }
  }

  /**
   * Many entities as QBO's JSON, in one pass. The SDK's own serializer builds a new object mapper
   * on every call (and with it every serializer of the entity's class graph); {@link #SDK_WRITER}
   * is the same configuration built once.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static List<ObjectNode> toJson(List<? extends IEntity> entities) {
    if (entities.isEmpty()) {
      return List.of();
    }
    try {
      String json;
      if (SDK_WRITER != null) {
        json = SDK_WRITER.writeValueAsString(new ArrayList<>(entities));
      } else {
        JAXBElement element =
            new JAXBElement(
                new QName(NAMESPACE, "entities"), List.class, new ArrayList<>(entities));
        json = new JSONSerializer().serialize(element);
      }
      JsonNode array = MAPPER.readTree(json);
      List<ObjectNode> out = new ArrayList<>(entities.size());
      array.forEach(n -> out.add((ObjectNode) plain(n)));
      return out;
    } catch (SerializationException | java.io.IOException e) {
      throw new IllegalStateException("cannot serialize QuickBooks entities", e);
    }
  }

  /**
   * The object mapper {@link JSONSerializer#serialize} builds for every call (Jackson and JAXB
   * annotations, non-null fields, the SDK's enum serializers), built once; null when the SDK's
   * private set-up cannot be reused, and then the SDK's serializer is used as is.
   */
  static final ObjectMapper SDK_WRITER = sdkWriter();

  private static ObjectMapper sdkWriter() {
    try {
      ObjectMapper m = new ObjectMapper();
      m.setAnnotationIntrospector(
          new AnnotationIntrospectorPair(
              new JacksonAnnotationIntrospector(),
              new JaxbAnnotationIntrospector(m.getTypeFactory())));
      m.setSerializationInclusion(JsonInclude.Include.NON_NULL);
      Method enums =
          JSONSerializer.class.getDeclaredMethod("registerModulesForEnum", ObjectMapper.class);
      enums.setAccessible(true);
      enums.invoke(new JSONSerializer(), m);
      return m;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null;
    }
  }

  /**
   * The SDK writes round amounts in exponent form ({@code 3E+2}); rewrite them as plain decimals
   * ({@code 300}) so the mapping and people reading raw records see QBO's usual numbers.
   */
  static JsonNode plain(JsonNode node) {
    if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
      o.fields()
          .forEachRemaining(
              f -> {
                JsonNode v = f.getValue();
                if (v.isBigDecimal() && v.decimalValue().scale() < 0) {
                  f.setValue(
                      com.fasterxml.jackson.databind.node.DecimalNode.valueOf(
                          v.decimalValue().setScale(0)));
                } else {
                  plain(v);
                }
              });
    } else if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        JsonNode v = a.get(i);
        if (v.isBigDecimal() && v.decimalValue().scale() < 0) {
          a.set(
              i,
              com.fasterxml.jackson.databind.node.DecimalNode.valueOf(
                  v.decimalValue().setScale(0)));
        } else {
          plain(v);
        }
      }
    }
    return node;
  }

  /** Host fields (QBO names) as an SDK entity of type {@code entityName}. */
  @SuppressWarnings("unchecked")
  public static <T extends IEntity> T fromJson(String entityName, ObjectNode fields) {
    ObjectNode wrapper = MAPPER.createObjectNode();
    wrapper.set(entityName, fields);
    try {
      IntuitResponse response =
          (IntuitResponse)
              new JSONSerializer().deserialize(wrapper.toString(), IntuitResponse.class);
      if (response == null || response.getIntuitObject() == null) {
        throw new PermanentException(
            "the payload is not a QuickBooks " + entityName + ": " + abbreviate(fields));
      }
      return (T) response.getIntuitObject().getValue();
    } catch (SerializationException | RuntimeException e) {
      if (e instanceof PermanentException p) {
        throw p;
      }
      throw new PermanentException(
          "the payload is not a valid QuickBooks " + entityName + " (" + e.getMessage() + ")",
          null,
          e);
    }
  }

  private static String abbreviate(ObjectNode fields) {
    String s = fields.toString();
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
