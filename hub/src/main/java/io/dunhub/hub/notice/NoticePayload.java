package io.dunhub.hub.notice;

import java.util.List;

/**
 * What a notice outbox row carries: the message rendered at decision time (what was decided is
 * exactly what is sent), its recipient and the cases it concerns.
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
    String unsubscribeUrl) {

  public RenderedNotice rendered() {
    return new RenderedNotice(subject, html, text, sms, letterHtml);
  }
}
