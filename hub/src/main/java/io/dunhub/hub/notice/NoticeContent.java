package io.dunhub.hub.notice;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * What a notice is about, before formatting: who, which invoices, where to pay, and the tracking
 * URLs for this one message.
 *
 * @param asOf the day the notice is written (for days outstanding)
 * @param paymentLink the link to pay everything (or the single invoice's link)
 * @param unsubscribeUrl the one-click unsubscribe URL for this recipient and channel
 * @param openPixelUrl the open-tracking pixel URL, or null
 * @param customerAddress the lines of the customer's postal address (letters), empty when unknown
 */
public record NoticeContent(
    Brand brand,
    Locale locale,
    String customerName,
    String contactName,
    List<NoticeLine> lines,
    LocalDate asOf,
    String paymentLink,
    String unsubscribeUrl,
    String openPixelUrl,
    List<String> customerAddress) {
  public NoticeContent {
    lines = List.copyOf(lines);
    customerAddress = customerAddress == null ? List.of() : List.copyOf(customerAddress);
  }

  /** Content without a postal address. */
  public NoticeContent(
      Brand brand,
      Locale locale,
      String customerName,
      String contactName,
      List<NoticeLine> lines,
      LocalDate asOf,
      String paymentLink,
      String unsubscribeUrl,
      String openPixelUrl) {
    this(
        brand,
        locale,
        customerName,
        contactName,
        lines,
        asOf,
        paymentLink,
        unsubscribeUrl,
        openPixelUrl,
        List.of());
  }
}
