package io.dunhub.hub.dunning.cli;

import io.dunhub.hub.notice.Brand;
import io.dunhub.hub.notice.SmtpSettings;
import io.dunhub.hub.outbox.RetryPolicy;
import java.nio.file.Path;

/**
 * The dunning part of the hub's configuration.
 *
 * @param policies a directory of policy files, or null for the bundled policies
 * @param templates a directory of template overrides, or null
 * @param publicUrl the hub's public URL (tracked links, open pixel, unsubscribe)
 * @param smtp the SMTP server, or null for no email channel
 * @param sms the SMS provider, or null for no SMS channel
 * @param letters where PDF letters are archived, or null for no letter channel
 */
public record DunningSettings(
    Path policies,
    Path templates,
    Brand brand,
    String publicUrl,
    SmtpSettings smtp,
    SmsSettings sms,
    Path letters,
    RetryPolicy retry) {

  /** A Twilio-shaped SMS provider. */
  public record SmsSettings(
      String baseUrl, String accountSid, io.dunhub.core.secret.Secret authToken, String from) {}
}
