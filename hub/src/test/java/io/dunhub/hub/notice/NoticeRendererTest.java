package io.dunhub.hub.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dunhub.core.model.Money;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

public class NoticeRendererTest {

  private final NoticeRenderer renderer = new NoticeRenderer();

  public static NoticeContent content(Locale locale, String customer) {
    NoticeLine a =
        new NoticeLine(
            "INV-1001",
            LocalDate.of(2026, 2, 18),
            LocalDate.of(2026, 3, 20),
            Money.of("1200.00", "EUR"),
            Money.of("1200.00", "EUR"),
            Money.of("0", "EUR"),
            "https://pay.example/1001");
    NoticeLine b =
        new NoticeLine(
            "INV-1002",
            LocalDate.of(2026, 2, 20),
            LocalDate.of(2026, 3, 22),
            Money.of("500.00", "EUR"),
            Money.of("200.50", "EUR"),
            Money.of("40.00", "EUR"),
            "https://pay.example/1002");
    return new NoticeContent(
        new Brand("Northwind", "#0b5394", "#cfe2f3", "https://cdn.example/logo.png", null),
        locale,
        customer,
        "Bea Biller",
        List.of(a, b),
        LocalDate.of(2026, 3, 30),
        "https://pay.example/all",
        "https://hub.example/u/abc",
        "https://hub.example/t/o/abc.gif");
  }

  @Test
  void rendersEnglishWithAmountsDaysAndLinks() {
    RenderedNotice n = renderer.render("overdue-reminder", content(Locale.US, "Acme Corp"));

    assertThat(n.subject()).isEqualTo("Payment reminder: €1,440.50 overdue");
    assertThat(n.html())
        .contains("Dear Bea Biller,")
        .contains("INV-1001")
        .contains("March 20, 2026")
        .contains("<td>10</td>")
        .contains("€1,200.00")
        .contains("+ fees €40.00")
        .contains("href=\"https://pay.example/all\"")
        .contains("src=\"https://hub.example/t/o/abc.gif\"")
        .contains("src=\"https://cdn.example/logo.png\"")
        .contains("border-top:4px solid #0b5394");
    assertThat(n.text())
        .contains(
            "- Invoice INV-1002, due March 22, 2026 (8 days overdue): €200.50 open + fees €40.00")
        .contains("Total due: €1,440.50")
        .contains("Unsubscribe: https://hub.example/u/abc")
        .doesNotContain("<");
    assertThat(n.sms())
        .isEqualTo("Northwind: €1,440.50 is overdue. Please pay: https://pay.example/all");
    assertThat(n.letterHtml()).isNull();
  }

  @Test
  void rendersGermanWithGermanFormats() {
    RenderedNotice n = renderer.render("second-reminder", content(Locale.GERMANY, "Müller GmbH"));

    assertThat(n.subject()).isEqualTo("Zweite Mahnung: 1.440,50\u00a0€ weiterhin offen");
    assertThat(n.html())
        .contains("Guten Tag Bea Biller,")
        .contains("20. März 2026")
        .contains("Gesamtbetrag");
    assertThat(n.text())
        .contains("fällig am 22. März 2026 (8 Tage überfällig): 200,50\u00a0€ offen");
  }

  @Test
  void escapesCustomerDataInHtmlButNotInText() {
    NoticeContent c = content(Locale.US, "Evil <script>alert(1)</script> & Co");
    NoticeContent evil =
        new NoticeContent(
            c.brand(),
            c.locale(),
            c.customerName(),
            "<b>Mallory</b>",
            c.lines(),
            c.asOf(),
            c.paymentLink(),
            c.unsubscribeUrl(),
            c.openPixelUrl());

    RenderedNotice n = renderer.render("final-notice", evil);

    assertThat(n.html()).contains("Dear &lt;b&gt;Mallory&lt;/b&gt;,").doesNotContain("<b>Mallory");
    assertThat(n.letterHtml()).contains("Evil &lt;script&gt;").doesNotContain("<script>");
    assertThat(n.text()).contains("Dear <b>Mallory</b>,");
  }

  @ParameterizedTest
  @CsvSource({
    "friendly-reminder, en", "overdue-reminder, en", "second-reminder, en", "final-notice, en",
        "thank-you, en",
    "friendly-reminder, de", "overdue-reminder, de", "second-reminder, de", "final-notice, de",
        "thank-you, de"
  })
  void everyBundledTemplateRendersInEveryShippedLanguage(String name, String language) {
    RenderedNotice n = renderer.render(name, content(Locale.forLanguageTag(language), "Acme"));
    assertThat(n.subject()).isNotBlank().doesNotContain("{{");
    assertThat(n.html()).contains("INV-1002").contains("</html>");
    assertThat(n.text()).contains("INV-1002");
    assertThat(n.sms()).isNotBlank().hasSizeLessThan(160 * 2);
    assertThat(n.letterHtml() != null).isEqualTo(name.equals("final-notice"));
  }

  @Test
  void unknownLocalesFallBackToEnglish() {
    assertThat(renderer.render("thank-you", content(Locale.JAPAN, "Acme")).subject())
        .isEqualTo("Thank you for your payment");
    assertThat(
            renderer.render("thank-you", content(Locale.forLanguageTag("de-AT"), "Acme")).subject())
        .isEqualTo("Vielen Dank für Ihre Zahlung");
    assertThat(renderer.exists("thank-you")).isTrue();
    assertThat(renderer.exists("nope")).isFalse();
    assertThatThrownBy(() -> renderer.render("nope", content(Locale.US, "Acme")))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("nope_en.peb");
  }

  @Test
  void anOverrideDirectoryReplacesABundledTemplate(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("overdue-reminder_en.peb"),
        "{% extends \"layout_en\" %}{% block subject %}Custom: {{ totalDue }}{% endblock %}"
            + "{% block body %}x{% endblock %}{% block text_body %}x{% endblock %}{% block sms %}x{% endblock %}",
        StandardCharsets.UTF_8);

    RenderedNotice n =
        new NoticeRenderer(dir).render("overdue-reminder", content(Locale.US, "Acme"));

    assertThat(n.subject()).isEqualTo("Custom: €1,440.50");
  }

  @Test
  void theFinalNoticeLetterBecomesAPdf() {
    RenderedNotice n = renderer.render("final-notice", content(Locale.GERMANY, "Müller GmbH"));

    byte[] pdf = new PdfLetterRenderer().render(n.letterHtml(), n.subject());

    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(pdf.length).isGreaterThan(1000);
  }
}
