package io.dunhub.hub.sync;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one JSON form of canonical records the store keeps and hashes: properties and map keys in
 * alphabetical order, sets sorted, dates as ISO text, amounts as plain decimals. Two equal records
 * always give the same text, in any JVM, so its SHA-256 can recognise the hub's own writes.
 */
public final class CanonicalJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(new SimpleModule().addSerializer(new SortedSetSerializer()))
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          // record components only: derived is-getters such as Money.isZero() are not data
          .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();

  private CanonicalJson() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** The record as a JSON tree. */
  public static ObjectNode tree(Object canonical) {
    return MAPPER.valueToTree(canonical);
  }

  /** The record's stored text. */
  public static String text(Object canonical) {
    try {
      return MAPPER.writeValueAsString(canonical);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + canonical.getClass().getName(), e);
    }
  }

  public static ObjectNode parse(String text) {
    try {
      return (ObjectNode) MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("stored canonical JSON is unreadable", e);
    }
  }

  public static <T> T read(ObjectNode tree, Class<T> type) {
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }

  /** The canonical text of a tree: keys sorted at every level. */
  public static String text(JsonNode tree) {
    try {
      return MAPPER.writeValueAsString(sorted(tree));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The tree with object keys in order; the same instance when it already is. */
  private static JsonNode sorted(JsonNode node) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode child = node.get(i);
        JsonNode s = sorted(child);
        if (s != child) {
          ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, s);
        }
      }
      return node;
    }
    if (!node.isObject()) {
      return node;
    }
    ObjectNode object = (ObjectNode) node;
    String previous = null;
    boolean inOrder = true;
    for (java.util.Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (previous != null && previous.compareTo(name) > 0) {
        inOrder = false;
      }
      previous = name;
      JsonNode child = object.get(name);
      JsonNode s = sorted(child);
      if (s != child) {
        object.set(name, s);
      }
    }
    if (inOrder) {
      return object;
    }
    ObjectNode copy = object.objectNode();
    new java.util.TreeSet<>(iterable(object)).forEach(n -> copy.set(n, object.get(n)));
    return copy;
  }

  private static List<String> iterable(ObjectNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** SHA-256 of the text, in hex. */
  public static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The top-level fields whose values differ between two records (the id is not a field). */
  public static Set<String> changedFields(ObjectNode from, ObjectNode to) {
    Set<String> names = new LinkedHashSet<>();
    from.fieldNames().forEachRemaining(names::add);
    to.fieldNames().forEachRemaining(names::add);
    names.remove("id");
    Set<String> changed = new LinkedHashSet<>();
    for (String name : names) {
      JsonNode a = from.get(name);
      JsonNode b = to.get(name);
      if (!same(a, b)) {
        changed.add(name);
      }
    }
    return changed;
  }

  /** Equal as data: numbers by value (10 equals 10.00), missing equals null. */
  static boolean same(JsonNode a, JsonNode b) {
    boolean aMissing = a == null || a.isNull();
    boolean bMissing = b == null || b.isNull();
    if (aMissing || bMissing) {
      return aMissing && bMissing;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isObject() && b.isObject()) {
      Set<String> names = new LinkedHashSet<>();
      a.fieldNames().forEachRemaining(names::add);
      b.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        if (!same(a.get(name), b.get(name))) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!same(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /** Writes sets in a stable order, whatever order the JVM's set iterates in. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static final class SortedSetSerializer extends StdSerializer<Set> {
    SortedSetSerializer() {
      super(Set.class);
    }

    @Override
    public void serialize(Set value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      List<Object> items = new ArrayList<>(value);
      items.sort(Comparator.comparing(String::valueOf));
      gen.writeStartArray();
      for (Object item : items) {
        provider.defaultSerializeValue(item, gen);
      }
      gen.writeEndArray();
    }
  }
}
