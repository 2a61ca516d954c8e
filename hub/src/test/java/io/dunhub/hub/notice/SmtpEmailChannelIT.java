package io.dunhub.hub.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.dunhub.core.secret.Secret;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpEmailChannelIT {

  @RegisterExtension
  static final GreenMailExtension MAIL =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(
              GreenMailConfiguration.aConfig()
                  .withUser("ar@northwind.example", "mailer", "s3cret"));

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-30T13:00:00Z"), ZoneOffset.UTC);

  private SmtpEmailChannel channel(int port, String password) {
    return new SmtpEmailChannel(
        new SmtpSettings(
            "127.0.0.1",
            port,
            SmtpSettings.Security.NONE,
            "mailer",
            Secret.of(password),
            "ar@northwind.example",
            "Northwind Receivables",
            "help@northwind.example",
            Duration.ofSeconds(5)),
        CLOCK);
  }

  @Test
  void sendsTextAndHtmlWithStableMessageIdUnsubscribeHeadersAndThePdf() throws Exception {
    RenderedNotice rendered =
        new NoticeRenderer().render("final-notice", NoticeRendererTest.content(Locale.US, "Acme"));
    byte[] pdf = new PdfLetterRenderer().render(rendered.letterHtml(), rendered.subject());
    OutgoingMessage message =
        new OutgoingMessage(
            "notice:case-1:due+30d:EMAIL:c-1",
            "bea@acme.example",
            "Bea Biller",
            rendered,
            pdf,
            "final-notice-INV-1001.pdf",
            "https://hub.example/u/abc");

    Delivery delivery = channel(MAIL.getSmtp().getPort(), "s3cret").send(message);

    String expectedId =
        SmtpEmailChannel.messageId("notice:case-1:due+30d:EMAIL:c-1", "ar@northwind.example");
    assertThat(delivery).isEqualTo(new Delivery.Delivered(expectedId));
    MimeMessage[] received = MAIL.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage mail = received[0];
    assertThat(mail.getMessageID()).isEqualTo(expectedId).endsWith("@northwind.example>");
    assertThat(mail.getSubject()).isEqualTo("Final notice before collection: €1,440.50");
    assertThat(mail.getHeader("List-Unsubscribe", null)).isEqualTo("<https://hub.example/u/abc>");
    assertThat(mail.getHeader("List-Unsubscribe-Post", null))
        .isEqualTo("List-Unsubscribe=One-Click");
    assertThat(mail.getFrom()[0].toString())
        .isEqualTo("Northwind Receivables <ar@northwind.example>");
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("Bea Biller <bea@acme.example>");
    assertThat(mail.getSentDate().toInstant()).isEqualTo(CLOCK.instant());
    Multipart mixed = (Multipart) mail.getContent();
    Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
    assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
    assertThat((String) alternative.getBodyPart(0).getContent()).contains("Total due: €1,440.50");
    assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
    BodyPart attachment = mixed.getBodyPart(1);
    assertThat(attachment.getFileName()).isEqualTo("final-notice-INV-1001.pdf");
    assertThat(attachment.getContentType()).startsWith("application/pdf");
  }

  @Test
  void theSameKeyAlwaysGivesTheSameMessageId() {
    assertThat(SmtpEmailChannel.messageId("k1", "a@b.example"))
        .isEqualTo(SmtpEmailChannel.messageId("k1", "x@b.example"));
    assertThat(SmtpEmailChannel.messageId("k1", "a@b.example"))
        .isNotEqualTo(SmtpEmailChannel.messageId("k2", "a@b.example"));
  }

  @Test
  void wrongCredentialsAndUnreachableServersAreRetriedWithoutLeakingTheSecret() throws Exception {
    RenderedNotice rendered =
        new NoticeRenderer()
            .render("overdue-reminder", NoticeRendererTest.content(Locale.US, "Acme"));
    OutgoingMessage message =
        new OutgoingMessage("k", "bea@acme.example", "Bea", rendered, null, null, null);

    Delivery refused = channel(MAIL.getSmtp().getPort(), "wrong-password").send(message);
    assertThat(refused).isInstanceOf(Delivery.Retry.class);
    assertThat(((Delivery.Retry) refused).reason())
        .contains("authentication")
        .doesNotContain("wrong-password");

    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    assertThat(channel(closed, "s3cret").send(message)).isInstanceOf(Delivery.Retry.class);
    assertThat(MAIL.getReceivedMessages()).isEmpty();
  }
}
