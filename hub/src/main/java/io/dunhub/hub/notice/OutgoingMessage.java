package io.dunhub.hub.notice;

/**
 * One message to one recipient on one channel, rendered and ready to send.
 *
 * @param idempotencyKey the outbox key (case, step, channel, recipient): providers that support it
 *     deduplicate on it, and the email {@code Message-ID} derives from it
 * @param to email address or phone number (E.164); for letters the addressee's name
 * @param pdf the PDF letter to attach, or null
 * @param unsubscribeUrl the one-click unsubscribe URL, or null
 */
public record OutgoingMessage(
    String idempotencyKey,
    String to,
    String toName,
    RenderedNotice content,
    byte[] pdf,
    String pdfName,
    String unsubscribeUrl) {}
