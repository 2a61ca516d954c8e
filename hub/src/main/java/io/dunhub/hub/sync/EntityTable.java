package io.dunhub.hub.sync;

import io.dunhub.core.model.Contact;
import io.dunhub.core.model.EntityType;
import io.dunhub.core.model.Invoice;
import io.dunhub.core.model.Party;
import io.dunhub.core.model.Payment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the store keeps one canonical entity: its table, its record class, and the columns queries
 * need beside the canonical JSON.
 */
enum EntityTable {
  PARTY(EntityType.PARTY, "parties", Party.class) {
    @Override
    Map<String, Object> columns(Object record) {
      Party p = (Party) record;
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("name", p.name());
      c.put("email_key", emailKey(p.email()));
      c.put("tax_id", p.taxId());
      c.put("segment", p.segment());
      c.put("excluded_from_dunning", p.excludedFromDunning());
      c.put("in_dispute", p.inDispute());
      return c;
    }

    @Override
    Optional<String> matchValue(String key, Object record) {
      Party p = (Party) record;
      return switch (key) {
        case "email" -> Optional.ofNullable(emailKey(p.email()));
        case "taxId" -> Optional.ofNullable(blankToNull(p.taxId()));
        default -> Optional.empty();
      };
    }
  },
  CONTACT(EntityType.CONTACT, "contacts", Contact.class) {
    @Override
    Map<String, Object> columns(Object record) {
      Contact k = (Contact) record;
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("party_id", k.partyId());
      c.put("email_key", emailKey(k.email()));
      c.put("role", k.role().name());
      return c;
    }

    @Override
    Optional<String> matchValue(String key, Object record) {
      return key.equals("email")
          ? Optional.ofNullable(emailKey(((Contact) record).email()))
          : Optional.empty();
    }
  },
  INVOICE(EntityType.INVOICE, "invoices", Invoice.class) {
    @Override
    Map<String, Object> columns(Object record) {
      Invoice i = (Invoice) record;
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("party_id", i.partyId());
      c.put("number", i.number());
      c.put("status", i.status().name());
      c.put("issue_date", i.issueDate());
      c.put("due_date", i.dueDate());
      c.put("currency", i.total().currency().getCurrencyCode());
      c.put("total", i.total().amount());
      c.put("open_balance", i.openBalance().amount());
      return c;
    }

    @Override
    Optional<String> matchValue(String key, Object record) {
      return key.equals("number")
          ? Optional.ofNullable(blankToNull(((Invoice) record).number()))
          : Optional.empty();
    }
  },
  PAYMENT(EntityType.PAYMENT, "payments", Payment.class) {
    @Override
    Map<String, Object> columns(Object record) {
      Payment p = (Payment) record;
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("party_id", p.partyId());
      c.put("payment_date", p.date());
      c.put("currency", p.amount().currency().getCurrencyCode());
      c.put("amount", p.amount().amount());
      c.put("result", p.result().name());
      return c;
    }

    @Override
    Optional<String> matchValue(String key, Object record) {
      return Optional.empty();
    }
  };

  /** The common columns every canonical table has, after the query columns. */
  static final List<String> COMMON =
      List.of(
          "deleted", "data", "hash", "version", "source_connection", "created_at", "updated_at");

  private final EntityType entity;
  private final String table;
  private final Class<?> recordClass;

  EntityTable(EntityType entity, String table, Class<?> recordClass) {
    this.entity = entity;
    this.table = table;
    this.recordClass = recordClass;
  }

  EntityType entity() {
    return entity;
  }

  String table() {
    return table;
  }

  Class<?> recordClass() {
    return recordClass;
  }

  /** The query columns of a record, by column name. */
  abstract Map<String, Object> columns(Object record);

  /** The value of a match key ({@code email}, {@code taxId}, {@code number}), if it has one. */
  abstract Optional<String> matchValue(String key, Object record);

  /** The column a match key is looked up in. */
  String matchColumn(String key) {
    return switch (key) {
      case "email" -> "email_key";
      case "taxId" -> "tax_id";
      case "number" -> "number";
      default -> throw new IllegalArgumentException("no match key " + key + " on " + entity);
    };
  }

  static EntityTable of(EntityType entity) {
    for (EntityTable t : values()) {
      if (t.entity == entity) {
        return t;
      }
    }
    throw new IllegalArgumentException("the store keeps no canonical " + entity + " records");
  }

  static boolean stores(EntityType entity) {
    for (EntityTable t : values()) {
      if (t.entity == entity) {
        return true;
      }
    }
    return false;
  }

  private static String emailKey(String email) {
    String e = blankToNull(email);
    return e == null ? null : e.trim().toLowerCase(Locale.ROOT);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
