package io.dunhub.hub.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.dunhub.hub.config.ChannelsConfig;
import io.dunhub.hub.notice.Delivery;
import io.dunhub.hub.notice.NoticeRenderer;
import io.dunhub.hub.notice.NoticeRendererTest;
import io.dunhub.hub.notice.OutgoingMessage;
import io.dunhub.hub.notice.SmtpEmailChannel;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code channels.email.from} as people write it, with a display name: the SMTP envelope gets the
 * bare address (a server refuses {@code MAIL FROM:<Name <a@b>>}) and the header both.
 */
class SmtpFromIT {

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @Test
  void aSenderWithADisplayNameIsDelivered() throws Exception {
    ChannelsConfig.Smtp config =
        new ChannelsConfig.Smtp(
            "127.0.0.1",
            MAIL.getSmtp().getPort(),
            ChannelsConfig.Security.NONE,
            Optional.empty(),
            Optional.empty(),
            "Accounts Receivable <ar@example.com>");
    SmtpEmailChannel channel =
        new SmtpEmailChannel(DunningRuntimes.smtp(config, null), Clock.systemUTC());

    Delivery delivery =
        channel.send(
            new OutgoingMessage(
                "notice:case-1:due:EMAIL:c-1",
                "bea@acme.example",
                "Bea Biller",
                new NoticeRenderer()
                    .render("friendly-reminder", NoticeRendererTest.content(Locale.US, "Acme")),
                null,
                null,
                null));

    assertThat(delivery).isInstanceOf(Delivery.Delivered.class);
    MimeMessage[] received = MAIL.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getFrom()[0].toString())
        .isEqualTo("Accounts Receivable <ar@example.com>");
  }
}
