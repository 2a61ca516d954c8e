package io.dunhub.hub.notice;

import io.dunhub.core.model.Money;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders notice templates with Pebble, HTML auto-escaping on. A template is one file per name and
 * language, {@code templates/<name>_<lang>.peb}, extending {@code layout_<lang>.peb} and filling
 * the blocks {@code subject}, {@code body}, {@code text_body} and {@code sms}; final notices also
 * fill {@code letter_body}. A locale falls back from {@code de_AT} to {@code de} to {@code en}.
 * Files in an override directory win over the bundled ones.
 *
 * <p>Variables: {@code brand} (name, primaryColour, accentColour, logoUrl, footer), {@code
 * customer}, {@code address} (the customer's postal address lines), {@code contact}, {@code
 * invoices} (number, issued, due, daysOverdue, total, balance, fees, link), {@code totalDue},
 * {@code totalFees}, {@code paymentLink}, {@code unsubscribeUrl}, {@code openPixelUrl}, {@code
 * today}; amounts and dates are already formatted for the locale.
 */
public final class NoticeRenderer {

  private final PebbleEngine engine;
  private final Path overrides;

  /** The file each (name, locale) resolves to, looked up once per process. */
  private final Map<String, Optional<String>> resolved =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Uses only the bundled templates. */
  public NoticeRenderer() {
    this(null);
  }

  /**
   * @param overrides a directory whose {@code <name>_<lang>.peb} files replace bundled ones
   */
  public NoticeRenderer(Path overrides) {
    this.overrides = overrides;
    List<Loader<?>> loaders = new ArrayList<>();
    if (overrides != null) {
      FileLoader files = new FileLoader();
      files.setPrefix(overrides.toAbsolutePath().toString());
      files.setSuffix(".peb");
      loaders.add(files);
    }
    ClasspathLoader bundled = new ClasspathLoader(NoticeRenderer.class.getClassLoader());
    bundled.setPrefix("templates");
    bundled.setSuffix(".peb");
    loaders.add(bundled);
    this.engine =
        new PebbleEngine.Builder()
            .loader(new DelegatingLoader(loaders))
            .autoEscaping(true)
            .defaultEscapingStrategy("html")
            .strictVariables(true)
            .cacheActive(true)
            .build();
  }

  /** Whether a template of this name exists (in English, the fallback of every locale). */
  public boolean exists(String name) {
    return resolve(name, Locale.ENGLISH) != null;
  }

  public RenderedNotice render(String name, NoticeContent content) {
    String file = resolve(name, content.locale());
    if (file == null) {
      throw new TemplateException("no notice template " + name + "_en.peb", null);
    }
    try {
      PebbleTemplate template = engine.getTemplate(file);
      Map<String, Object> model = model(content);
      return new RenderedNotice(
          block(template, "subject", model).strip(),
          block(template, "html", model),
          block(template, "text", model),
          block(template, "sms", model).strip(),
          block(template, "letter_body", model).isBlank()
              ? null
              : block(template, "letter", model));
    } catch (PebbleException e) {
      throw new TemplateException("template " + file + ".peb: " + e.getMessage(), e);
    }
  }

  private static String block(PebbleTemplate template, String block, Map<String, Object> model) {
    StringWriter out = new StringWriter();
    try {
      template.evaluateBlock(block, out, model);
    } catch (IOException e) {
      throw new TemplateException("cannot render block " + block + ": " + e.getMessage(), e);
    }
    return out.toString();
  }

  private String resolve(String name, Locale locale) {
    return resolved
        .computeIfAbsent(name + "|" + locale, k -> Optional.ofNullable(find(name, locale)))
        .orElse(null);
  }

  private String find(String name, Locale locale) {
    List<String> candidates = new ArrayList<>();
    if (!locale.getCountry().isEmpty()) {
      candidates.add(name + "_" + locale.getLanguage() + "_" + locale.getCountry());
    }
    candidates.add(name + "_" + locale.getLanguage());
    candidates.add(name + "_en");
    for (String candidate : candidates) {
      if (overrides != null && Files.isRegularFile(overrides.resolve(candidate + ".peb"))) {
        return candidate;
      }
      if (NoticeRenderer.class.getResource("/templates/" + candidate + ".peb") != null) {
        return candidate;
      }
    }
    return null;
  }

  private static Map<String, Object> model(NoticeContent c) {
    Locale locale = c.locale();
    DateTimeFormatter dates =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
    Map<String, Object> m = new HashMap<>();
    Map<String, Object> brand = new LinkedHashMap<>();
    brand.put("name", c.brand().name());
    brand.put("primaryColour", c.brand().primaryColour());
    brand.put("accentColour", c.brand().accentColour());
    brand.put("logoUrl", c.brand().logoUrl());
    brand.put("footer", c.brand().footer());
    m.put("brand", brand);
    m.put("customer", c.customerName());
    m.put("contact", c.contactName() == null ? c.customerName() : c.contactName());
    m.put("address", c.customerAddress());
    List<Map<String, Object>> invoices = new ArrayList<>();
    Money total = null;
    Money fees = null;
    for (NoticeLine line : c.lines()) {
      Map<String, Object> i = new LinkedHashMap<>();
      i.put("number", line.invoiceNumber());
      i.put("issued", dates.format(line.issueDate()));
      i.put("due", dates.format(line.dueDate()));
      i.put("daysOverdue", Math.max(0, ChronoUnit.DAYS.between(line.dueDate(), c.asOf())));
      i.put("daysUntilDue", Math.max(0, ChronoUnit.DAYS.between(c.asOf(), line.dueDate())));
      i.put("total", money(line.total(), locale));
      i.put("balance", money(line.openBalance(), locale));
      i.put("fees", line.fees().isZero() ? null : money(line.fees(), locale));
      i.put("link", line.paymentLink());
      invoices.add(i);
      Money due = line.openBalance().plus(line.fees());
      total = total == null ? due : total.plus(due);
      fees = fees == null ? line.fees() : fees.plus(line.fees());
    }
    m.put("invoices", invoices);
    m.put("totalDue", total == null ? "" : money(total, locale));
    m.put("totalFees", fees == null || fees.isZero() ? null : money(fees, locale));
    m.put("paymentLink", c.paymentLink());
    m.put("unsubscribeUrl", c.unsubscribeUrl());
    m.put("openPixelUrl", c.openPixelUrl());
    m.put("today", dates.format(c.asOf()));
    return m;
  }

  /**
   * An amount formatted for the locale with its currency, e.g. {@code $1,200.00}, {@code 1.200,00
   * €}.
   */
  public static String money(Money money, Locale locale) {
    NumberFormat prototype =
        MONEY_FORMATS.computeIfAbsent(
            locale.toLanguageTag() + "|" + money.currency().getCurrencyCode(),
            k -> {
              NumberFormat f = NumberFormat.getCurrencyInstance(locale);
              f.setCurrency(money.currency());
              int digits = Math.max(money.currency().getDefaultFractionDigits(), 0);
              f.setMinimumFractionDigits(digits);
              f.setMaximumFractionDigits(digits);
              return f;
            });
    // a NumberFormat is not thread-safe: format with a copy (far cheaper than building one)
    return ((NumberFormat) prototype.clone()).format(money.amount());
  }

  /** Currency formats by locale and currency, built once. */
  private static final java.util.concurrent.ConcurrentMap<String, NumberFormat> MONEY_FORMATS =
      new java.util.concurrent.ConcurrentHashMap<>();
}
