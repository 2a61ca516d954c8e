package io.dunhub.hub.notice;

/**
 * A notice rendered for every channel: email subject, HTML and plain-text parts, an SMS text, and
 * (for final notices) the XHTML of the letter, or null.
 */
public record RenderedNotice(
    String subject, String html, String text, String sms, String letterHtml) {}
