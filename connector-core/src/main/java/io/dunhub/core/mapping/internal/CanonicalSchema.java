package io.dunhub.core.mapping.internal;

import io.dunhub.core.mapping.internal.CanonicalField.Kind;
import io.dunhub.core.model.Activity;
import io.dunhub.core.model.ActivityType;
import io.dunhub.core.model.Channel;
import io.dunhub.core.model.Contact;
import io.dunhub.core.model.ContactRole;
import io.dunhub.core.model.EntityType;
import io.dunhub.core.model.Invoice;
import io.dunhub.core.model.InvoiceStatus;
import io.dunhub.core.model.Money;
import io.dunhub.core.model.Party;
import io.dunhub.core.model.Payment;
import io.dunhub.core.model.PaymentApplication;
import io.dunhub.core.model.PaymentResult;
import io.dunhub.core.model.PostalAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The fields of each canonical record a mapping can fill, and how a record is built from them
 * without reflection: each field has a slot in an {@code Object[]}, and each entity a constructor
 * call over those slots.
 */
final class CanonicalSchema {

  /** The slot holding a record's {@code attributes} map, when it has one. */
  static final String ATTRIBUTES = "attributes";

  private static final Map<EntityType, CanonicalSchema> SCHEMAS = new EnumMap<>(EntityType.class);

  /** The fields of one payment application (an element of {@code applications}). */
  static final CanonicalSchema APPLICATION;

  private final String name;
  private final Map<String, CanonicalField> fields = new LinkedHashMap<>();
  private final boolean hasAttributes;
  private final Function<Object[], Object> builder;
  private final Function<Object, Map<String, String>> attributes;

  private CanonicalSchema(
      String name,
      boolean hasAttributes,
      Function<Object[], Object> builder,
      Function<Object, Map<String, String>> attributes) {
    this.name = name;
    this.hasAttributes = hasAttributes;
    this.builder = builder;
    this.attributes = attributes;
  }

  static CanonicalSchema of(EntityType entity) {
    return SCHEMAS.get(entity);
  }

  String name() {
    return name;
  }

  List<CanonicalField> fields() {
    return List.copyOf(fields.values());
  }

  /** A field by name; {@code attributes.<name>} yields an attribute field. */
  Optional<CanonicalField> field(String fieldName) {
    if (hasAttributes && fieldName.startsWith(ATTRIBUTES + ".")) {
      String key = fieldName.substring(ATTRIBUTES.length() + 1);
      if (key.isBlank()) {
        return Optional.empty();
      }
      return Optional.of(
          new CanonicalField(
              fieldName,
              Kind.ATTRIBUTE,
              null,
              false,
              attributesSlot(),
              r -> attributes.apply(r).get(key)));
    }
    return Optional.ofNullable(fields.get(fieldName));
  }

  boolean hasAttributes() {
    return hasAttributes;
  }

  int attributesSlot() {
    return fields.size();
  }

  /** How many slots a record of this entity is built from. */
  int slots() {
    return fields.size() + 1;
  }

  /**
   * Builds the record.
   *
   * @throws IllegalArgumentException when the record's own checks refuse the values
   */
  Object build(Object[] slots) {
    return builder.apply(slots);
  }

  private CanonicalSchema add(
      String field, Kind kind, boolean required, Function<Object, Object> getter) {
    return add(field, kind, null, required, getter);
  }

  private CanonicalSchema add(
      String field,
      Kind kind,
      Class<? extends Enum<?>> enumType,
      boolean required,
      Function<Object, Object> getter) {
    fields.put(field, new CanonicalField(field, kind, enumType, required, fields.size(), getter));
    return this;
  }

  @SuppressWarnings("unchecked")
  private static <T> T get(Object[] s, int i) {
    return (T) s[i];
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> attrs(Object[] s, int i) {
    Object m = s[i];
    return m == null ? Map.of() : (Map<String, String>) m;
  }

  private static Object address(Object party, Function<PostalAddress, String> part) {
    PostalAddress a = ((Party) party).address();
    return a == null ? null : part.apply(a);
  }

  private static boolean flag(Object[] s, int i) {
    return Boolean.TRUE.equals(s[i]);
  }

  @SuppressWarnings("unchecked")
  private static <E> Set<E> set(Object[] s, int i) {
    return s[i] == null ? Set.of() : (Set<E>) s[i];
  }

  static {
    SCHEMAS.put(
        EntityType.PARTY,
        new CanonicalSchema(
                "party",
                true,
                s ->
                    new Party(
                        get(s, 0),
                        get(s, 1),
                        get(s, 2),
                        get(s, 3),
                        get(s, 4),
                        (Locale) get(s, 5),
                        (ZoneId) get(s, 6),
                        get(s, 7),
                        set(s, 8),
                        get(s, 9),
                        (Instant) get(s, 10),
                        flag(s, 11),
                        flag(s, 12),
                        attrs(s, 19),
                        get(s, 13),
                        PostalAddress.of(
                            get(s, 14), get(s, 15), get(s, 16), get(s, 17), get(s, 18))),
                r -> ((Party) r).attributes())
            .add("id", Kind.TEXT, false, r -> ((Party) r).id())
            .add("name", Kind.TEXT, true, r -> ((Party) r).name())
            .add("email", Kind.TEXT, false, r -> ((Party) r).email())
            .add("phone", Kind.TEXT, false, r -> ((Party) r).phone())
            .add("country", Kind.TEXT, false, r -> ((Party) r).country())
            .add("locale", Kind.LOCALE, false, r -> ((Party) r).locale())
            .add("timeZone", Kind.ZONE, false, r -> ((Party) r).timeZone())
            .add("segment", Kind.TEXT, false, r -> ((Party) r).segment())
            .add("tags", Kind.TEXT_SET, false, r -> ((Party) r).tags())
            .add("taxId", Kind.TEXT, false, r -> ((Party) r).taxId())
            .add("customerSince", Kind.INSTANT, false, r -> ((Party) r).customerSince())
            .add("excludedFromDunning", Kind.BOOLEAN, false, r -> ((Party) r).excludedFromDunning())
            .add("inDispute", Kind.BOOLEAN, false, r -> ((Party) r).inDispute())
            .add("accountOwner", Kind.TEXT, false, r -> ((Party) r).accountOwner())
            .add("address.street", Kind.TEXT, false, r -> address(r, PostalAddress::street))
            .add("address.city", Kind.TEXT, false, r -> address(r, PostalAddress::city))
            .add("address.region", Kind.TEXT, false, r -> address(r, PostalAddress::region))
            .add("address.postalCode", Kind.TEXT, false, r -> address(r, PostalAddress::postalCode))
            .add("address.country", Kind.TEXT, false, r -> address(r, PostalAddress::country)));

    SCHEMAS.put(
        EntityType.CONTACT,
        new CanonicalSchema(
                "contact",
                false,
                s ->
                    new Contact(
                        get(s, 0),
                        get(s, 1),
                        get(s, 2),
                        get(s, 3),
                        get(s, 4),
                        get(s, 5),
                        (ContactRole) get(s, 6),
                        (Channel) get(s, 7),
                        set(s, 8),
                        flag(s, 9)),
                r -> Map.of())
            .add("id", Kind.TEXT, false, r -> ((Contact) r).id())
            .add("partyId", Kind.TEXT, true, r -> ((Contact) r).partyId())
            .add("firstName", Kind.TEXT, false, r -> ((Contact) r).firstName())
            .add("lastName", Kind.TEXT, false, r -> ((Contact) r).lastName())
            .add("email", Kind.TEXT, false, r -> ((Contact) r).email())
            .add("phone", Kind.TEXT, false, r -> ((Contact) r).phone())
            .add("role", Kind.ENUM, ContactRole.class, false, r -> ((Contact) r).role())
            .add(
                "preferredChannel",
                Kind.ENUM,
                Channel.class,
                false,
                r -> ((Contact) r).preferredChannel())
            .add("optedOut", Kind.ENUM_SET, Channel.class, false, r -> ((Contact) r).optedOut())
            .add("consent", Kind.BOOLEAN, false, r -> ((Contact) r).consent()));

    SCHEMAS.put(
        EntityType.INVOICE,
        new CanonicalSchema(
                "invoice",
                true,
                s ->
                    Invoice.fromHost(
                            get(s, 0),
                            get(s, 1),
                            get(s, 2),
                            (LocalDate) get(s, 3),
                            (LocalDate) get(s, 4),
                            (Money) get(s, 5),
                            (Money) get(s, 6),
                            (InvoiceStatus) get(s, 7),
                            get(s, 8),
                            get(s, 9))
                        .withAttributes(attrs(s, 10)),
                r -> ((Invoice) r).attributes())
            .add("id", Kind.TEXT, false, r -> ((Invoice) r).id())
            .add("partyId", Kind.TEXT, true, r -> ((Invoice) r).partyId())
            .add("number", Kind.TEXT, true, r -> ((Invoice) r).number())
            .add("issueDate", Kind.DATE, true, r -> ((Invoice) r).issueDate())
            .add("dueDate", Kind.DATE, true, r -> ((Invoice) r).dueDate())
            .add("total", Kind.MONEY, true, r -> ((Invoice) r).total())
            .add("openBalance", Kind.MONEY, true, r -> ((Invoice) r).openBalance())
            .add("status", Kind.ENUM, InvoiceStatus.class, true, r -> ((Invoice) r).status())
            .add("terms", Kind.TEXT, false, r -> ((Invoice) r).terms())
            .add("paymentLink", Kind.TEXT, false, r -> ((Invoice) r).paymentLink()));

    SCHEMAS.put(
        EntityType.PAYMENT,
        new CanonicalSchema(
                "payment",
                false,
                s ->
                    new Payment(
                        get(s, 0),
                        get(s, 1),
                        (Money) get(s, 2),
                        (LocalDate) get(s, 3),
                        get(s, 4),
                        s[5] == null ? List.of() : get(s, 5),
                        (PaymentResult) get(s, 6),
                        get(s, 7),
                        get(s, 8)),
                r -> Map.of())
            .add("id", Kind.TEXT, false, r -> ((Payment) r).id())
            .add("partyId", Kind.TEXT, true, r -> ((Payment) r).partyId())
            .add("amount", Kind.MONEY, true, r -> ((Payment) r).amount())
            .add("date", Kind.DATE, true, r -> ((Payment) r).date())
            .add("method", Kind.TEXT, false, r -> ((Payment) r).method())
            .add("applications", Kind.APPLICATIONS, false, r -> ((Payment) r).applications())
            .add("result", Kind.ENUM, PaymentResult.class, false, r -> ((Payment) r).result())
            .add("failureReason", Kind.TEXT, false, r -> ((Payment) r).failureReason())
            .add("origin", Kind.TEXT, false, r -> ((Payment) r).origin()));

    SCHEMAS.put(
        EntityType.ACTIVITY,
        new CanonicalSchema(
                "activity",
                true,
                s ->
                    new Activity(
                        get(s, 0),
                        (ActivityType) get(s, 1),
                        (Instant) get(s, 2),
                        get(s, 3),
                        get(s, 4),
                        get(s, 5),
                        (Channel) get(s, 6),
                        get(s, 7),
                        get(s, 8),
                        get(s, 9),
                        attrs(s, 10)),
                r -> ((Activity) r).attributes())
            .add("id", Kind.TEXT, false, r -> ((Activity) r).id())
            .add("type", Kind.ENUM, ActivityType.class, true, r -> ((Activity) r).type())
            .add("at", Kind.INSTANT, true, r -> ((Activity) r).at())
            .add("partyId", Kind.TEXT, true, r -> ((Activity) r).partyId())
            .add("invoiceId", Kind.TEXT, false, r -> ((Activity) r).invoiceId())
            .add("contactId", Kind.TEXT, false, r -> ((Activity) r).contactId())
            .add("channel", Kind.ENUM, Channel.class, false, r -> ((Activity) r).channel())
            .add("recipient", Kind.TEXT, false, r -> ((Activity) r).recipient())
            .add("subject", Kind.TEXT, false, r -> ((Activity) r).subject())
            .add("content", Kind.TEXT, false, r -> ((Activity) r).content()));

    APPLICATION =
        new CanonicalSchema(
                "application",
                false,
                s -> new PaymentApplication(get(s, 0), (Money) get(s, 1)),
                r -> Map.of())
            .add("invoiceId", Kind.TEXT, true, r -> ((PaymentApplication) r).invoiceId())
            .add("amount", Kind.MONEY, true, r -> ((PaymentApplication) r).amount());
  }

  /** Names of the fields, for messages. */
  List<String> names() {
    List<String> names = new ArrayList<>(fields.keySet());
    if (hasAttributes) {
      names.add("attributes.<name>");
    }
    return names;
  }
}
