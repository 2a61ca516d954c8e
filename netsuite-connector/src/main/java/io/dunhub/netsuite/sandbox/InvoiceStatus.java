package io.dunhub.netsuite.sandbox;

import java.math.BigDecimal;

/**
 * NetSuite's invoice status: {@code A} open (partly paid invoices stay open), {@code B} paid in
 * full, {@code V} voided; the REST record shows the same as {@code status: {id, refName}}.
 */
final class InvoiceStatus {
  private InvoiceStatus() {}

  static String code(SandboxRecord invoice) {
    if (invoice.fields().path("voided").asBoolean(false)) {
      return "V";
    }
    BigDecimal remaining = new BigDecimal(invoice.fields().path("amountRemaining").asText("0"));
    return remaining.signum() == 0 ? "B" : "A";
  }

  static String name(String code) {
    return switch (code) {
      case "A" -> "Open";
      case "B" -> "Paid In Full";
      case "V" -> "Voided";
      default -> code;
    };
  }
}
