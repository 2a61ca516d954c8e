package io.dunhub.hub.notice;

import io.dunhub.core.model.Money;
import java.time.LocalDate;

/**
 * One invoice in a notice.
 *
 * @param fees late fees and interest charged on it so far (zero when none)
 */
public record NoticeLine(
    String invoiceNumber,
    LocalDate issueDate,
    LocalDate dueDate,
    Money total,
    Money openBalance,
    Money fees,
    String paymentLink) {}
