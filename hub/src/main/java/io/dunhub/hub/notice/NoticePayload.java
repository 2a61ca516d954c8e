package io.dunhub.hub.notice;

import java.util.List;

/**
 * What a notice outbox row carries: its recipient, the cases it concerns, and the message. The
 * sweep writes the message's {@link NoticeContent content} as it decided it (customer, invoices,
 * balances, fees, dates and signed links, frozen at decision time); the relay renders it with the
 * template just before sending and stores the rendered message in the row, so the row keeps exactly
 * what was sent. Rendering at delivery keeps the sweep's cost to deciding and recording.
 *
 * @param content what the notice says, before rendering; null once rendered
 */
public record NoticePayload(
    String partyId,
    List<String> caseIds,
    List<String> invoiceIds,
    List<String> invoiceNumbers,
    List<String> stepIds,
    String contactId,
    String channel,
    String to,
    String toName,
    String template,
    boolean finalNotice,
    boolean thankYou,
    String subject,
    String html,
    String text,
    String sms,
    String letterHtml,
    String unsubscribeUrl,
    NoticeContent content) {

  /** Whether the message still has to be rendered from its content. */
  public boolean needsRendering() {
    return subject == null && content != null;
  }

  /**
   * This notice with its message rendered from its content by {@code renderer} (the letter only for
   * a final notice); itself when rendered already.
   *
   * @throws TemplateException when the template is missing or fails
   */
  public NoticePayload render(NoticeRenderer renderer) {
    if (!needsRendering()) {
      return this;
    }
    RenderedNotice r = renderer.render(template, content);
    return new NoticePayload(
        partyId,
        caseIds,
        invoiceIds,
        invoiceNumbers,
        stepIds,
        contactId,
        channel,
        to,
        toName,
        template,
        finalNotice,
        thankYou,
        r.subject(),
        r.html(),
        r.text(),
        r.sms(),
        finalNotice ? r.letterHtml() : null,
        unsubscribeUrl,
        null);
  }

  public RenderedNotice rendered() {
    return new RenderedNotice(subject, html, text, sms, letterHtml);
  }
}
