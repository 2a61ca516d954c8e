package io.dunhub.core.model;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A receivable.
 *
 * <p>Validated at construction: a total and an open balance are never negative and share one
 * currency; the due date is not before the issue date unless the record carries {@link
 * DataFlag#DUE_BEFORE_ISSUE}, and the open balance is not above the total unless it carries {@link
 * DataFlag#BALANCE_ABOVE_TOTAL} (use {@link #fromHost} to keep what a host says and flag it).
 *
 * @param id the canonical id, or null before the hub has stored it
 * @param partyId the canonical id of the bill-to party
 * @param attributes integrator-defined values by name (custom host fields a mapping carries), never
 *     null
 */
public record Invoice(
    String id,
    String partyId,
    String number,
    LocalDate issueDate,
    LocalDate dueDate,
    Money total,
    Money openBalance,
    InvoiceStatus status,
    String terms,
    String paymentLink,
    Set<DataFlag> flags,
    Map<String, String> attributes) {

  public Invoice {
    Checks.requireText(number, "invoice number");
    Checks.require(issueDate, "invoice " + number + " issue date");
    Checks.require(dueDate, "invoice " + number + " due date");
    Checks.require(total, "invoice " + number + " total");
    Checks.require(openBalance, "invoice " + number + " open balance");
    Checks.require(status, "invoice " + number + " status");
    Checks.requireNotNegative(total, "invoice " + number + " total");
    Checks.requireNotNegative(openBalance, "invoice " + number + " open balance");
    if (!total.currency().equals(openBalance.currency())) {
      throw new IllegalArgumentException(
          "invoice " + number + " total and open balance are in different currencies");
    }
    flags = Checks.copy(flags);
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    if (dueDate.isBefore(issueDate) && !flags.contains(DataFlag.DUE_BEFORE_ISSUE)) {
      throw new IllegalArgumentException(
          "invoice " + number + " is due " + dueDate + ", before it was issued on " + issueDate);
    }
    if (flags.contains(DataFlag.BALANCE_ABOVE_TOTAL) && openBalance.compareTo(total) <= 0) {
      // a flag describes the record as it is: a balance back within the total drops it
      Set<DataFlag> current = EnumSet.copyOf(flags);
      current.remove(DataFlag.BALANCE_ABOVE_TOTAL);
      flags = Set.copyOf(current);
    }
    if (openBalance.compareTo(total) > 0 && !flags.contains(DataFlag.BALANCE_ABOVE_TOTAL)) {
      throw new IllegalArgumentException(
          "invoice "
              + number
              + " has an open balance of "
              + openBalance
              + ", above its total "
              + total);
    }
  }

  /** An invoice without integrator-defined attributes. */
  public Invoice(
      String id,
      String partyId,
      String number,
      LocalDate issueDate,
      LocalDate dueDate,
      Money total,
      Money openBalance,
      InvoiceStatus status,
      String terms,
      String paymentLink,
      Set<DataFlag> flags) {
    this(
        id,
        partyId,
        number,
        issueDate,
        dueDate,
        total,
        openBalance,
        status,
        terms,
        paymentLink,
        flags,
        Map.of());
  }

  /**
   * Builds an invoice from what a host says: a due date before the issue date, or a balance above
   * the total, is kept and flagged instead of rejected. Negative amounts are still rejected.
   */
  public static Invoice fromHost(
      String id,
      String partyId,
      String number,
      LocalDate issueDate,
      LocalDate dueDate,
      Money total,
      Money openBalance,
      InvoiceStatus status,
      String terms,
      String paymentLink) {
    Set<DataFlag> flags = EnumSet.noneOf(DataFlag.class);
    if (issueDate != null && dueDate != null && dueDate.isBefore(issueDate)) {
      flags.add(DataFlag.DUE_BEFORE_ISSUE);
    }
    if (total != null
        && openBalance != null
        && total.currency().equals(openBalance.currency())
        && openBalance.compareTo(total) > 0) {
      flags.add(DataFlag.BALANCE_ABOVE_TOTAL);
    }
    return new Invoice(
        id,
        partyId,
        number,
        issueDate,
        dueDate,
        total,
        openBalance,
        status,
        terms,
        paymentLink,
        flags,
        Map.of());
  }

  /**
   * The same invoice carrying these integrator-defined attributes (custom host fields such as a
   * Salesforce {@code Dunning_Segment__c}, mapped by name).
   */
  public Invoice withAttributes(Map<String, String> newAttributes) {
    return new Invoice(
        id,
        partyId,
        number,
        issueDate,
        dueDate,
        total,
        openBalance,
        status,
        terms,
        paymentLink,
        flags,
        newAttributes);
  }

  public boolean isOpen() {
    return (status == InvoiceStatus.OPEN || status == InvoiceStatus.PARTIALLY_PAID)
        && openBalance.isPositive();
  }

  public Invoice withId(String newId) {
    return new Invoice(
        newId,
        partyId,
        number,
        issueDate,
        dueDate,
        total,
        openBalance,
        status,
        terms,
        paymentLink,
        flags,
        attributes);
  }

  public Invoice withBalance(Money newBalance, InvoiceStatus newStatus) {
    return new Invoice(
        id,
        partyId,
        number,
        issueDate,
        dueDate,
        total,
        newBalance,
        newStatus,
        terms,
        paymentLink,
        flags,
        attributes);
  }
}
