package io.dunhub.core.mapping;

import java.util.List;
import java.util.Map;

/**
 * One compiled mapping file: a host object of one system and the canonical entity it carries, with
 * what a connector and the sync need besides the field rules.
 */
public interface Mapping extends InboundMapping, OutboundMapping {

  /** The system id ({@code salesforce}, {@code quickbooks}, {@code netsuite}, {@code memory}). */
  String system();

  /** The file it was compiled from (the user's file when it overrides a default). */
  String file();

  Direction direction();

  /** Whether the sync should use it (a variant such as {@code Dunhub_Invoice__c} may be off). */
  boolean enabled();

  /** The host field that identifies a record for idempotent upserts. */
  String key();

  /** The host fields incremental reads order by, most significant first. */
  List<String> cursor();

  /**
   * Who owns each canonical field this mapping carries: {@code host} (this system; its value wins),
   * {@code hub}, or another system's id (an inbound change is recorded, not applied).
   */
  Map<String, String> owners();

  /** The filters in words, for logs and previews ({@code blng__InvoiceStatus__c in [Posted]}). */
  List<String> filters();
}
