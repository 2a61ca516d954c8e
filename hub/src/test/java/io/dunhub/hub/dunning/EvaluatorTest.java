package io.dunhub.hub.dunning;

import static io.dunhub.hub.dunning.Fixtures.billing;
import static io.dunhub.hub.dunning.Fixtures.contact;
import static io.dunhub.hub.dunning.Fixtures.facts;
import static io.dunhub.hub.dunning.Fixtures.invoice;
import static io.dunhub.hub.dunning.Fixtures.open;
import static io.dunhub.hub.dunning.Fixtures.party;
import static org.assertj.core.api.Assertions.assertThat;

import io.dunhub.core.model.Channel;
import io.dunhub.core.model.Invoice;
import io.dunhub.core.model.InvoiceStatus;
import io.dunhub.core.model.Money;
import io.dunhub.core.model.Party;
import io.dunhub.hub.dunning.calendar.BusinessCalendar;
import io.dunhub.hub.dunning.calendar.JollydayHolidays;
import io.dunhub.hub.dunning.fee.LateFeeCalculator;
import io.dunhub.hub.dunning.policy.BundledPolicies;
import io.dunhub.hub.dunning.policy.PolicySet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

  private static final PolicySet POLICIES = BundledPolicies.load(Fixtures.TEMPLATES::contains);
  private final Evaluator evaluator =
      new Evaluator(new BusinessCalendar(new JollydayHolidays()), new LateFeeCalculator());

  // Acme p1 in New York; INV-1 due Friday 20 March 2026 (EDT, UTC-4, from 8 March)
  private final Party ny = party("p1", "US", "America/New_York");
  private final Invoice inv1 = invoice("1", "p1", "2026-03-20", "1200.00", "USD");

  private Evaluation eval(PartyFacts facts, History history, String now) {
    return evaluator.evaluate(facts, POLICIES, history, Instant.parse(now));
  }

  @Test
  void waitsForTheFirstStepAtTheOpeningOfTheLocalWindow() {
    Evaluation e =
        eval(facts(ny, List.of(billing("p1")), open(inv1)), History.EMPTY, "2026-03-01T15:00:00Z");

    assertThat(e.actions()).isEmpty();
    CasePlan plan = e.plans().get(0);
    assertThat(plan.policyId()).isEqualTo("standard");
    assertThat(plan.stepId()).isEqualTo("due-7d");
    assertThat(plan.nextEvaluation()).isEqualTo(Instant.parse("2026-03-13T12:00:00Z"));
  }

  @Test
  void sendsTheReminderToTheBillingContactWhenTheStepIsDue() {
    Evaluation e =
        eval(facts(ny, List.of(billing("p1")), open(inv1)), History.EMPTY, "2026-03-13T12:00:00Z");

    assertThat(e.actions())
        .singleElement()
        .isInstanceOfSatisfying(
            DunningAction.Notice.class,
            n -> {
              assertThat(n.channel()).isEqualTo(Channel.EMAIL);
              assertThat(n.address()).isEqualTo("bea@p1.example");
              assertThat(n.recipient()).isEqualTo("p1-c1");
              assertThat(n.template()).isEqualTo("friendly-reminder");
              assertThat(n.tone()).isEqualTo(1);
              assertThat(n.caseIds()).containsExactly("case-1");
              assertThat(n.stepIds()).containsExactly("due-7d");
            });
    // next: due+3d = Monday 23 March, 08:00 EDT
    assertThat(e.plans().get(0).nextEvaluation()).isEqualTo(Instant.parse("2026-03-23T12:00:00Z"));
  }

  @Test
  void aStepFallingOnAWeekendWaitsForTheNextBusinessDay() {
    Invoice wed = invoice("2", "p1", "2026-03-18", "500", "USD"); // +3d = Saturday 21 March
    History h =
        new History(
            List.of(
                new StepRecord("case-2", "due-7d", Instant.parse("2026-03-11T12:00:00Z"), "done")),
            List.of());

    Evaluation e = eval(facts(ny, List.of(billing("p1")), open(wed)), h, "2026-03-21T14:00:00Z");

    assertThat(e.actions()).isEmpty();
    assertThat(e.plans().get(0).nextEvaluation()).isEqualTo(Instant.parse("2026-03-23T12:00:00Z"));
  }

  @Test
  void aSweepRunningAfterTheWindowClosedDelaysToTheNextMorning() {
    // Friday 22:00 EDT: the step was due at 08:00 but the window closed at 21:00
    Evaluation e =
        eval(facts(ny, List.of(billing("p1")), open(inv1)), History.EMPTY, "2026-03-14T02:00:00Z");

    assertThat(e.actions()).isEmpty();
    CasePlan plan = e.plans().get(0);
    assertThat(plan.status()).contains("contact window").contains("America/New_York");
    assertThat(plan.nextEvaluation()).isEqualTo(Instant.parse("2026-03-16T12:00:00Z")); // Monday
  }

  @Test
  void aLateSyncedInvoiceGetsOnlyTheLatestDueNotice() {
    Evaluation e =
        eval(facts(ny, List.of(billing("p1")), open(inv1)), History.EMPTY, "2026-03-30T13:00:00Z");

    assertThat(e.actions())
        .filteredOn(DunningAction.StepSkipped.class::isInstance)
        .extracting(DunningAction::stepId)
        .containsExactly("due-7d", "due+3d");
    assertThat(e.actions())
        .filteredOn(DunningAction.Notice.class::isInstance)
        .extracting(a -> ((DunningAction.Notice) a).channel())
        .containsExactly(Channel.EMAIL, Channel.SMS);
    assertThat(e.actions())
        .filteredOn(DunningAction.Notice.class::isInstance)
        .extracting(a -> ((DunningAction.Notice) a).template())
        .containsOnly("second-reminder");
    assertThat(e.plans().get(0).stepId()).isEqualTo("due+14d");
  }

  @Test
  void invoicesReachingAStepTheSameDayShareOneNotice() {
    Invoice a = invoice("a", "p1", "2026-03-20", "100", "USD");
    Invoice b = invoice("b", "p1", "2026-03-20", "250", "USD");
    Invoice later = invoice("c", "p1", "2026-04-20", "75", "USD");

    Evaluation e =
        eval(
            facts(ny, List.of(billing("p1")), open(b), open(a), open(later)),
            History.EMPTY,
            "2026-03-13T12:00:00Z");

    assertThat(e.actions())
        .singleElement()
        .isInstanceOfSatisfying(
            DunningAction.Notice.class,
            n -> assertThat(n.caseIds()).containsExactly("case-a", "case-b"));
  }

  @Test
  void theRollingContactCapDelaysUntilTheOldestContactLeavesTheWeek() {
    History h =
        new History(
            List.of(),
            List.of(
                Instant.parse("2026-03-09T14:00:00Z"),
                Instant.parse("2026-03-10T14:00:00Z"),
                Instant.parse("2026-03-11T14:00:00Z")));

    Evaluation e = eval(facts(ny, List.of(billing("p1")), open(inv1)), h, "2026-03-13T12:00:00Z");

    assertThat(e.actions()).isEmpty();
    assertThat(e.plans().get(0).status()).contains("contact cap (3 of 3");
    assertThat(e.plans().get(0).nextEvaluation()).isEqualTo(Instant.parse("2026-03-16T14:00:00Z"));
  }

  @Test
  void optOutsAndMissingSmsConsentAreHonoured() {
    Party noEmail =
        new Party(
            "p1",
            "Acme",
            null,
            null,
            "US",
            null,
            ny.timeZone(),
            null,
            Set.of(),
            null,
            null,
            false,
            false);
    History h =
        new History(
            List.of(
                new StepRecord("case-1", "due-7d", Instant.parse("2026-03-13T12:00:00Z"), "done"),
                new StepRecord("case-1", "due+3d", Instant.parse("2026-03-23T12:00:00Z"), "done")),
            List.of());

    // SMS without consent: only email goes out at due+7d
    Evaluation noConsent =
        eval(
            facts(ny, List.of(contact("p1", Set.of(), false)), open(inv1)),
            h,
            "2026-03-27T12:00:00Z");
    assertThat(noConsent.actions())
        .singleElement()
        .extracting(a -> ((DunningAction.Notice) a).channel())
        .isEqualTo(Channel.EMAIL);

    // opted out of email and no consent for SMS, no party address: the step is skipped
    Evaluation none =
        eval(
            facts(noEmail, List.of(contact("p1", Set.of(Channel.EMAIL), false)), open(inv1)),
            h,
            "2026-03-27T12:00:00Z");
    assertThat(none.actions())
        .singleElement()
        .isInstanceOfSatisfying(
            DunningAction.StepSkipped.class,
            s -> assertThat(s.reason()).contains("no reachable recipient on email, sms"));
  }

  @Test
  void noNoticeBelowTheMinimumBalance() {
    Invoice small = invoice("s", "p1", "2026-03-20", "4.99", "USD");

    Evaluation e =
        eval(facts(ny, List.of(billing("p1")), open(small)), History.EMPTY, "2026-03-13T12:00:00Z");

    assertThat(e.actions())
        .singleElement()
        .isInstanceOfSatisfying(
            DunningAction.StepSkipped.class,
            s -> assertThat(s.reason()).contains("4.99 USD is below the minimum"));
  }

  @Test
  void fullPaymentAfterDunningSendsOneThankYouAndStops() {
    Invoice paid = inv1.withBalance(Money.of("0", "USD"), InvoiceStatus.PAID);
    History dunned =
        new History(
            List.of(
                new StepRecord("case-1", "due-7d", Instant.parse("2026-03-13T12:00:00Z"), "done")),
            List.of());

    Evaluation e =
        eval(facts(ny, List.of(billing("p1")), open(paid)), dunned, "2026-03-17T15:00:00Z");
    assertThat(e.actions())
        .singleElement()
        .isInstanceOfSatisfying(
            DunningAction.Notice.class,
            n -> {
              assertThat(n.thankYou()).isTrue();
              assertThat(n.template()).isEqualTo("thank-you");
              assertThat(n.stepIds()).containsExactly(StepRecord.THANK_YOU);
            });
    assertThat(e.plans().get(0).nextEvaluation()).isNull();

    History thanked =
        new History(
            List.of(
                dunned.steps().get(0),
                new StepRecord(
                    "case-1", StepRecord.THANK_YOU, Instant.parse("2026-03-17T15:00:00Z"), "done")),
            List.of());
    assertThat(
            eval(facts(ny, List.of(billing("p1")), open(paid)), thanked, "2026-03-18T15:00:00Z")
                .actions())
        .isEmpty();
    // paid before any notice: no thank-you
    assertThat(
            eval(
                    facts(ny, List.of(billing("p1")), open(paid)),
                    History.EMPTY,
                    "2026-03-17T15:00:00Z")
                .actions())
        .isEmpty();
  }

  @Test
  void aPartialPaymentKeepsTheSchedule() {
    Invoice partial = inv1.withBalance(Money.of("200.00", "USD"), InvoiceStatus.PARTIALLY_PAID);
    History h =
        new History(
            List.of(
                new StepRecord("case-1", "due-7d", Instant.parse("2026-03-13T12:00:00Z"), "done")),
            List.of());

    Evaluation e =
        eval(facts(ny, List.of(billing("p1")), open(partial)), h, "2026-03-23T12:00:00Z");

    assertThat(e.actions())
        .singleElement()
        .isInstanceOfSatisfying(
            DunningAction.Notice.class, n -> assertThat(n.stepIds()).containsExactly("due+3d"));
  }

  @Test
  void aVoidStopsSilentlyAndAnExcludedPartyIsNeverContacted() {
    Invoice voided = inv1.withBalance(Money.of("0", "USD"), InvoiceStatus.VOID);
    History dunned =
        new History(
            List.of(
                new StepRecord("case-1", "due-7d", Instant.parse("2026-03-13T12:00:00Z"), "done")),
            List.of());
    Evaluation v =
        eval(facts(ny, List.of(billing("p1")), open(voided)), dunned, "2026-03-23T12:00:00Z");
    assertThat(v.actions()).isEmpty();
    assertThat(v.plans().get(0).status()).isEqualTo("closed: invoice void");

    Evaluation x =
        eval(
            facts(Fixtures.excluded(ny), List.of(billing("p1")), open(inv1)),
            History.EMPTY,
            "2026-03-30T12:00:00Z");
    assertThat(x.actions()).isEmpty();
    assertThat(x.plans().get(0).nextEvaluation()).isNull();
  }

  @Test
  void aDisputePausesUntilResolved() {
    CaseFacts disputed = new CaseFacts("case-1", inv1, CaseState.NEW.withDispute(true));

    Evaluation e =
        eval(facts(ny, List.of(billing("p1")), disputed), History.EMPTY, "2026-03-30T12:00:00Z");

    assertThat(e.actions()).isEmpty();
    assertThat(e.plans().get(0).status()).startsWith("paused: dispute");
    assertThat(e.plans().get(0).nextEvaluation()).isNull();
  }

  @Test
  void aHoldPausesUntilItsExpiry() {
    CaseFacts held =
        new CaseFacts(
            "case-1",
            inv1,
            CaseState.NEW.withHold("awaiting credit note", LocalDate.of(2026, 4, 1)));

    Evaluation during =
        eval(facts(ny, List.of(billing("p1")), held), History.EMPTY, "2026-03-25T12:00:00Z");
    assertThat(during.actions()).isEmpty();
    assertThat(during.plans().get(0).status()).contains("awaiting credit note");
    assertThat(during.plans().get(0).nextEvaluation())
        .isEqualTo(Instant.parse("2026-04-01T12:00:00Z"));

    Evaluation after =
        eval(facts(ny, List.of(billing("p1")), held), History.EMPTY, "2026-04-01T12:00:00Z");
    assertThat(after.actions())
        .filteredOn(DunningAction.Notice.class::isInstance)
        .hasSize(2); // due+7d email + sms
  }

  @Test
  void aBrokenPromiseEscalatesToTheNextStepAtOnce() {
    History h =
        new History(
            List.of(
                new StepRecord("case-1", "due-7d", Instant.parse("2026-03-13T12:00:00Z"), "done"),
                new StepRecord("case-1", "due+3d", Instant.parse("2026-03-23T12:00:00Z"), "done"),
                new StepRecord("case-1", "due+7d", Instant.parse("2026-03-27T12:00:00Z"), "done"),
                new StepRecord("case-1", "due+14d", Instant.parse("2026-04-03T12:00:00Z"), "done")),
            List.of());
    CaseFacts promised =
        new CaseFacts("case-1", inv1, CaseState.NEW.withPromise(LocalDate.of(2026, 4, 6)));

    // promised Monday 6 April, 3 days' grace: broken on Friday 10 April at 08:00
    Evaluation waiting =
        eval(facts(ny, List.of(billing("p1")), promised), h, "2026-04-08T12:00:00Z");
    assertThat(waiting.actions()).isEmpty();
    assertThat(waiting.plans().get(0).nextEvaluation())
        .isEqualTo(Instant.parse("2026-04-10T12:00:00Z"));

    Evaluation broken =
        eval(facts(ny, List.of(billing("p1")), promised), h, "2026-04-10T12:00:00Z");
    assertThat(broken.actions()).first().isInstanceOf(DunningAction.PromiseBroken.class);
    assertThat(broken.actions())
        .filteredOn(DunningAction.Notice.class::isInstance)
        .extracting(a -> ((DunningAction.Notice) a).template())
        .containsOnly("final-notice"); // due+30d brought forward from 20 April
    assertThat(broken.actions())
        .filteredOn(DunningAction.Notice.class::isInstance)
        .allSatisfy(a -> assertThat(((DunningAction.Notice) a).finalNotice()).isTrue());
  }

  @Test
  void theFirstMatchingPolicyWinsWithPerCurrencyBalanceThresholds() {
    Party berlin = Fixtures.inSegment(party("p2", "DE", "Europe/Berlin"), "business");
    Invoice eur = invoice("e", "p2", "2026-06-01", "1000", "EUR");
    Invoice usd = invoice("u", "p2", "2026-06-01", "1000", "USD");

    Evaluation e =
        eval(
            facts(berlin, List.of(billing("p2")), open(eur), open(usd)),
            History.EMPTY,
            "2026-05-01T10:00:00Z");

    assertThat(e.plans()).extracting(CasePlan::policyId).containsExactly("eu-b2b", "standard");
    // a consumer in Germany does not match eu-b2b
    Party consumer = Fixtures.inSegment(berlin, "consumer");
    assertThat(
            eval(facts(consumer, List.of(), open(eur)), History.EMPTY, "2026-05-01T10:00:00Z")
                .plans()
                .get(0)
                .policyId())
        .isEqualTo("standard");
  }

  @Test
  void eurStatutoryInterestAndFinalNoticeOnTheSameBusinessDay() {
    Party berlin = Fixtures.inSegment(party("p2", "DE", "Europe/Berlin"), "business");
    Invoice eur = invoice("e", "p2", "2026-06-01", "10000", "EUR");
    History h =
        new History(
            List.of(
                new StepRecord("case-e", "due-7d", Instant.parse("2026-05-21T07:00:00Z"), "done"),
                new StepRecord("case-e", "due+3d", Instant.parse("2026-06-04T07:00:00Z"), "done"),
                new StepRecord("case-e", "due+14d", Instant.parse("2026-06-19T07:00:00Z"), "done")),
            List.of());
    // 30 business days after Monday 1 June 2026 in Germany: Monday 13 July, 09:00 CEST = 07:00Z
    Evaluation before =
        eval(facts(berlin, List.of(billing("p2")), open(eur)), h, "2026-07-10T08:00:00Z");
    assertThat(before.plans().get(0).nextEvaluation())
        .isEqualTo(Instant.parse("2026-07-13T07:00:00Z"));

    Evaluation e =
        eval(facts(berlin, List.of(billing("p2")), open(eur)), h, "2026-07-13T07:00:00Z");
    assertThat(e.actions())
        .filteredOn(DunningAction.LateFee.class::isInstance)
        .singleElement()
        .isInstanceOfSatisfying(
            DunningAction.LateFee.class,
            f -> {
              // 42 days (2 June – 13 July) at 2.15 + 8 on 10,000: 116.79, plus 40
              assertThat(f.amount()).isEqualTo(Money.of("156.79", "EUR"));
              assertThat(f.stepId()).isEqualTo("statutory-interest");
            });
    assertThat(e.actions())
        .filteredOn(DunningAction.Notice.class::isInstance)
        .extracting(a -> ((DunningAction.Notice) a).channel())
        .containsExactly(Channel.EMAIL, Channel.LETTER);
  }

  @Test
  void handOverToCollectionsSupersedesNoticesAndStopsDunning() {
    Evaluation e =
        eval(facts(ny, List.of(billing("p1")), open(inv1)), History.EMPTY, "2026-05-05T13:00:00Z");

    assertThat(e.actions()).filteredOn(DunningAction.Notice.class::isInstance).isEmpty();
    assertThat(e.actions())
        .filteredOn(DunningAction.HandOver.class::isInstance)
        .singleElement()
        .extracting(a -> ((DunningAction.HandOver) a).assignee())
        .isEqualTo("collections");
    assertThat(e.actions())
        .filteredOn(DunningAction.HumanTask.class::isInstance)
        .singleElement()
        .extracting(a -> ((DunningAction.HumanTask) a).assignee())
        .isEqualTo("owner@vendor.example");
    assertThat(e.plans().get(0).nextEvaluation()).isNull();

    CaseFacts handed = new CaseFacts("case-1", inv1, CaseState.NEW.withHandedOver(true));
    assertThat(
            eval(facts(ny, List.of(billing("p1")), handed), History.EMPTY, "2026-05-06T13:00:00Z")
                .actions())
        .isEmpty();
  }

  @Test
  void leapDayAndMonthEndStepsLandOnTheRightLocalMorning() {
    // due 22 Feb 2028 (Tuesday); due+7d = Tuesday 29 February 2028, 08:00 EST = 13:00Z
    Invoice leap = invoice("l", "p1", "2028-02-22", "90", "USD");
    History h =
        new History(
            List.of(
                new StepRecord("case-l", "due-7d", Instant.parse("2028-02-15T13:00:00Z"), "done"),
                new StepRecord("case-l", "due+3d", Instant.parse("2028-02-25T13:00:00Z"), "done")),
            List.of());
    Evaluation e = eval(facts(ny, List.of(billing("p1")), open(leap)), h, "2028-02-26T13:00:00Z");
    assertThat(e.plans().get(0).nextEvaluation()).isEqualTo(Instant.parse("2028-02-29T13:00:00Z"));
  }

  @Test
  void theSameInputsGiveTheSameDecision() {
    PartyFacts f = facts(ny, List.of(billing("p1")), open(inv1));
    assertThat(eval(f, History.EMPTY, "2026-03-30T13:00:00Z"))
        .isEqualTo(eval(f, History.EMPTY, "2026-03-30T13:00:00Z"));
  }
}
