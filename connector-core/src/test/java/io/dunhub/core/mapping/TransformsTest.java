package io.dunhub.core.mapping;

import static io.dunhub.core.mapping.OneFile.canonical;
import static io.dunhub.core.mapping.OneFile.failed;
import static io.dunhub.core.mapping.OneFile.map;
import static io.dunhub.core.mapping.OneFile.party;
import static io.dunhub.core.mapping.OneFile.payment;
import static org.assertj.core.api.Assertions.assertThat;

import io.dunhub.core.model.Money;
import io.dunhub.core.model.Party;
import io.dunhub.core.model.Payment;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The edge cases of each transform in the registry. */
class TransformsTest {

  @Nested
  class DateTimes {
    private final Mapping newYork =
        party(
            "  - {canonical: customerSince, host: t, transform: {datetime: {zone: America/New_York}}}\n");

    private Instant at(Mapping m, String value) {
      return ((Party) canonical(m, "{\"t\": \"" + value + "\"}")).customerSince();
    }

    @Test
    void aLocalTimeIsReadInTheRulesZone() {
      assertThat(at(newYork, "2026-07-01T12:00:00"))
          .isEqualTo(Instant.parse("2026-07-01T16:00:00Z"));
      assertThat(at(newYork, "2026-01-15T12:00:00"))
          .isEqualTo(Instant.parse("2026-01-15T17:00:00Z"));
    }

    @Test
    void aLocalTimeInTheSpringForwardGapMovesForwardByTheGap() {
      // 02:30 does not exist on 8 March 2026 in New York; it becomes 03:30 EDT
      assertThat(at(newYork, "2026-03-08T02:30:00"))
          .isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
    }

    @Test
    void aLocalTimeInTheFallBackOverlapTakesTheEarlierOffset() {
      // 01:30 happens twice on 1 November 2026; the first (EDT, -04:00) wins
      assertThat(at(newYork, "2026-11-01T01:30:00"))
          .isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
    }

    @Test
    void anOffsetInTheValueWinsOverTheZone() {
      assertThat(at(newYork, "2026-03-08T02:30:00Z"))
          .isEqualTo(Instant.parse("2026-03-08T02:30:00Z"));
      // Salesforce writes offsets without a colon
      assertThat(at(newYork, "2026-10-02T08:15:00.000+0000"))
          .isEqualTo(Instant.parse("2026-10-02T08:15:00Z"));
    }

    @Test
    void aLocalTimeWithoutAZoneFailsNamingTheValue() {
      Mapping noZone = party("  - {canonical: customerSince, host: t}\n");

      MappingResult.Failed f = failed(noZone, "{\"t\": \"2026-07-01T12:00:00\"}");

      assertThat(f.value()).isEqualTo("2026-07-01T12:00:00");
      assertThat(f.reason()).contains("no offset");
      assertThat(f.rule()).startsWith("party.customerSince (test/Thing.yaml:7)");
    }

    @Test
    void aCustomFormatIsReadInItsZone() {
      Mapping us =
          party(
              "  - {canonical: customerSince, host: t, transform: {datetime: {format: \"MM/dd/yyyy HH:mm\", zone: Europe/Paris}}}\n");

      assertThat(at(us, "03/29/2026 02:30")).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }
  }

  @Nested
  class Dates {
    private LocalDate date(Mapping m, String json) {
      return ((Payment) canonical(m, json)).date();
    }

    @Test
    void aDateTimeBecomesTheDateItIsInTheZone() {
      Mapping paris =
          OneFile.compile(
              """
              system: test
              object: Thing
              entity: payment
              key: Id
              fields:
                - {canonical: partyId, transform: {constant: p1}}
                - {canonical: amount, host: a, transform: {money: {currency: EUR}}}
                - {canonical: date, host: d, transform: {date: {zone: Europe/Paris}}}
              """);

      assertThat(date(paris, "{\"a\": 1, \"d\": \"2026-03-31T23:30:00Z\"}"))
          .isEqualTo(LocalDate.of(2026, 4, 1));
      assertThat(date(paris, "{\"a\": 1, \"d\": \"2026-01-31T23:30:00Z\"}"))
          .isEqualTo(LocalDate.of(2026, 2, 1));
      assertThat(date(paris, "{\"a\": 1, \"d\": \"2026-01-31T22:30:00Z\"}"))
          .isEqualTo(LocalDate.of(2026, 1, 31));
    }

    @Test
    void aFormattedDateIsParsedAndABadOneFails() {
      Mapping formatted =
          OneFile.compile(
              """
              system: test
              object: Thing
              entity: payment
              key: Id
              fields:
                - {canonical: partyId, transform: {constant: p1}}
                - {canonical: amount, host: a, transform: {money: {currency: USD}}}
                - {canonical: date, host: d, transform: {date: {format: MM/dd/yyyy}}}
              """);

      assertThat(date(formatted, "{\"a\": 1, \"d\": \"12/31/2026\"}"))
          .isEqualTo(LocalDate.of(2026, 12, 31));
      MappingResult.Failed f = failed(formatted, "{\"a\": 1, \"d\": \"31/12/2026\"}");
      assertThat(f.reason()).contains("not a date in format MM/dd/yyyy");
    }

    @Test
    void anEmptyStringIsNoValueSoTheDefaultApplies() {
      Mapping m =
          payment("  - {canonical: amount, host: a, transform: {money: {currency: USD}}}\n");

      assertThat(date(m, "{\"a\": 1, \"date\": \"\"}")).isEqualTo(LocalDate.of(2026, 1, 1));
      assertThat(date(m, "{\"a\": 1, \"date\": null}")).isEqualTo(LocalDate.of(2026, 1, 1));
      assertThat(date(m, "{\"a\": 1}")).isEqualTo(LocalDate.of(2026, 1, 1));
    }
  }

  @Nested
  class Amounts {
    private Money amount(String transform, String json) {
      return ((Payment)
              canonical(
                  payment("  - {canonical: amount, host: a, transform: " + transform + "}\n"),
                  json))
          .amount();
    }

    @Test
    void halfEvenRoundsTiesToTheEvenCent() {
      String t = "{money: {currency: USD, scale: 2, rounding: HALF_EVEN}}";
      assertThat(amount(t, "{\"a\": \"2.345\"}")).isEqualTo(Money.of("2.34", "USD"));
      assertThat(amount(t, "{\"a\": \"2.355\"}")).isEqualTo(Money.of("2.36", "USD"));
    }

    @Test
    void halfUpRoundsTiesAway() {
      String t = "{money: {currency: USD, scale: 2, rounding: HALF_UP}}";
      assertThat(amount(t, "{\"a\": \"2.345\"}")).isEqualTo(Money.of("2.35", "USD"));
      assertThat(amount(t, "{\"a\": 2.355}")).isEqualTo(Money.of("2.36", "USD"));
    }

    @Test
    void withoutAScaleTheHostsDigitsAreKept() {
      assertThat(amount("{money: {currency: JPY}}", "{\"a\": 1200}"))
          .isEqualTo(Money.of("1200", "JPY"));
      assertThat(amount("{money: {currency: USD}}", "{\"a\": 0.125}").amount().toPlainString())
          .isEqualTo("0.125");
    }

    @Test
    void theCurrencyComesFromAFieldOrItsDefault() {
      String t = "{money: {currency: {field: cur.code, default: GBP}}}";
      assertThat(amount(t, "{\"a\": 5, \"cur\": {\"code\": \"chf\"}}"))
          .isEqualTo(Money.of("5", "CHF"));
      assertThat(amount(t, "{\"a\": 5}")).isEqualTo(Money.of("5", "GBP"));
    }

    @Test
    void anUnknownCurrencyOrABadAmountOrTooManyDecimalsFails() {
      Mapping byField =
          payment("  - {canonical: amount, host: a, transform: {money: {currency: {field: c}}}}\n");
      assertThat(failed(byField, "{\"a\": 5, \"c\": \"XYZ\"}").reason())
          .contains("unknown currency");
      assertThat(failed(byField, "{\"a\": 5}").reason()).contains("currency field c is empty");
      assertThat(failed(byField, "{\"a\": \"five\", \"c\": \"USD\"}").value()).isEqualTo("five");

      Mapping exact =
          payment(
              "  - {canonical: amount, host: a, transform: {money: {currency: USD, scale: 2, rounding: UNNECESSARY}}}\n");
      assertThat(failed(exact, "{\"a\": 1.005}").reason()).contains("more than 2 decimals");
    }

    @Test
    void aMissingOrEmptyRequiredAmountFailsAndADefaultAmountTakesTheCurrency() {
      Mapping m =
          payment("  - {canonical: amount, host: a, transform: {money: {currency: EUR}}}\n");
      MappingResult.Failed f = failed(m, "{\"a\": \"\"}");
      assertThat(f.rule()).startsWith("payment.amount");
      assertThat(f.reason()).contains("required");

      Mapping withDefault =
          payment(
              "  - {canonical: amount, host: a, default: 0, transform: {money: {currency: EUR, scale: 2}}}\n");
      assertThat(((Payment) canonical(withDefault, "{}")).amount())
          .isEqualTo(Money.of("0.00", "EUR"));
    }
  }

  @Nested
  class ValueMaps {
    private final Mapping status =
        OneFile.compile(
            """
            system: test
            object: Thing
            entity: contact
            key: Id
            fields:
              - {canonical: partyId, transform: {constant: p1}}
              - {canonical: lastName, host: n}
              - canonical: role
                host: r
                transform:
                  map:
                    values: {AP: ACCOUNTS_PAYABLE, Billing: BILLING}
                    default: OTHER
              - {canonical: preferredChannel, host: c}
            """);

    @Test
    void knownValuesMapAndUnknownOnesTakeTheDefaultWithAWarning() {
      MappingResult.Mapped known =
          (MappingResult.Mapped) map(status, "{\"n\": \"X\", \"r\": \"AP\"}");
      assertThat(((io.dunhub.core.model.Contact) known.canonical()).role())
          .isEqualTo(io.dunhub.core.model.ContactRole.ACCOUNTS_PAYABLE);
      assertThat(known.warnings()).isEmpty();

      MappingResult.Mapped unknown =
          (MappingResult.Mapped) map(status, "{\"n\": \"X\", \"r\": \"Procurement\"}");
      assertThat(((io.dunhub.core.model.Contact) unknown.canonical()).role())
          .isEqualTo(io.dunhub.core.model.ContactRole.OTHER);
      assertThat(unknown.warnings())
          .singleElement()
          .asString()
          .contains("unknown value 'Procurement'");
    }

    @Test
    void anUnknownValueForAnEnumWithoutAMapFailsNamingTheAllowedValues() {
      MappingResult.Failed f = failed(status, "{\"n\": \"X\", \"c\": \"carrier pigeon\"}");

      assertThat(f.value()).isEqualTo("carrier pigeon");
      assertThat(f.reason()).contains("EMAIL, SMS, LETTER, TASK");
    }

    @Test
    void enumNamesAreReadWhateverTheirCase() {
      Object c = canonical(status, "{\"n\": \"X\", \"c\": \"sms\"}");
      assertThat(((io.dunhub.core.model.Contact) c).preferredChannel())
          .isEqualTo(io.dunhub.core.model.Channel.SMS);
    }
  }

  @Nested
  class Texts {
    @Test
    void blankTextIsNoValueAndTextIsTrimmed() {
      Mapping m = party("  - {canonical: segment, host: s, default: standard}\n");
      assertThat(((Party) canonical(m, "{\"name\": \" Acme \", \"s\": \"   \"}")).segment())
          .isEqualTo("standard");
      assertThat(((Party) canonical(m, "{\"name\": \" Acme \", \"s\": \"gold\"}")).name())
          .isEqualTo("Acme");
    }

    @Test
    void concatSkipsEmptyPartsAndSplitCutsLists() {
      Mapping m =
          party(
              "  - {canonical: taxId, host: [a, b, c], transform: {concat: {separator: \"-\"}}}\n"
                  + "  - {canonical: tags, host: t, transform: split}\n"
                  + "  - {canonical: segment, host: t, transform: {split: {index: -1}}}\n");

      Party p =
          (Party)
              canonical(
                  m, "{\"a\": \"DE\", \"b\": \"\", \"c\": 123, \"t\": \"vip; ;late payer;\"}");

      assertThat(p.taxId()).isEqualTo("DE-123");
      assertThat(p.tags()).containsExactlyInAnyOrder("vip", "late payer");
      assertThat(p.segment()).isEqualTo("late payer");
    }

    @Test
    void zonesLocalesAndBooleansAreCheckedPerRecord() {
      Mapping m =
          party(
              "  - {canonical: timeZone, host: z}\n"
                  + "  - {canonical: locale, host: l}\n"
                  + "  - {canonical: inDispute, host: d}\n");

      Party p =
          (Party) canonical(m, "{\"z\": \"Europe/Berlin\", \"l\": \"de_DE\", \"d\": \"Yes\"}");
      assertThat(p.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
      assertThat(p.locale()).isEqualTo(Locale.GERMANY);
      assertThat(p.inDispute()).isTrue();

      assertThat(failed(m, "{\"z\": \"Mars/Olympus\"}").reason()).contains("not a time zone");
      assertThat(failed(m, "{\"d\": \"perhaps\"}").value()).isEqualTo("perhaps");
    }

    @Test
    void aHostObjectWhereAValueBelongsFails() {
      Mapping m = party("  - {canonical: segment, host: s}\n");
      assertThat(failed(m, "{\"s\": {\"id\": \"3\"}}").reason()).contains("an object");
    }
  }

  @Test
  void customFieldsReachAttributesByNameAndThroughListSelectors() {
    Mapping m =
        party(
            "  - {canonical: attributes.tier, host: \"CustomField[Name=Dunning Tier].StringValue\"}\n"
                + "  - {canonical: attributes.segment, host: Dunning_Segment__c}\n");

    Party p =
        (Party)
            canonical(
                m,
                "{\"CustomField\": [{\"Name\": \"Crew\", \"StringValue\": \"1\"},"
                    + " {\"Name\": \"Dunning Tier\", \"StringValue\": \"gold\"}],"
                    + " \"Dunning_Segment__c\": \"Enterprise\"}");

    assertThat(p.attributes()).containsEntry("tier", "gold").containsEntry("segment", "Enterprise");
  }
}
