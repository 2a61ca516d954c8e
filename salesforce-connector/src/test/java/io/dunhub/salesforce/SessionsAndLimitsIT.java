package io.dunhub.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.dunhub.core.connector.AuthenticationException;
import io.dunhub.core.connector.CheckResult;
import io.dunhub.core.connector.ConnectionSettings;
import io.dunhub.core.connector.Page;
import io.dunhub.core.connector.RetryableException;
import io.dunhub.core.connector.SourceRecord;
import io.dunhub.core.connector.SourceStream;
import io.dunhub.core.secret.Secret;
import io.dunhub.core.testing.ManualClock;
import io.dunhub.salesforce.sandbox.SandboxSeed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionsAndLimitsIT {
  ManualClock clock = new ManualClock(Instant.parse("2026-11-23T09:00:00Z"));
  SandboxOrgFixture org;
  SandboxSeed.Result seeded;

  @BeforeEach
  void start() {
    org = new SandboxOrgFixture(clock, clock);
    seeded = SandboxSeed.realistic(11).accounts(25).invoicesPerAccount(0).apply(org.sandbox.org());
  }

  @AfterEach
  void stop() {
    org.close();
  }

  private static final Map<String, String> FIELDS = Map.of("fields_account", "Name, OwnerId");

  @Test
  void anExpiredSessionIsRenewedOnceAndTheCallRetried() {
    SalesforceConnection c = org.open("renew", FIELDS);
    assertThat(c.source("Account").readPage(null, 5).records()).hasSize(5);
    long issued = org.sandbox.auth().sessionsIssued();

    org.sandbox.auth().expireAllSessions();

    assertThat(c.source("Account").readPage(null, 5).records()).hasSize(5);
    assertThat(org.sandbox.auth().sessionsIssued() - issued).isEqualTo(1);
  }

  @Test
  void aRevokedAppAsksAPersonToReauthorize() {
    SalesforceConnection c = org.open("revoked", FIELDS);
    c.source("Account").readPage(null, 5);

    org.sandbox.auth().revokeApp();
    Throwable thrown = catchThrowable(() -> c.source("Account").readPage(null, 5));

    assertThat(thrown)
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("revoked")
        .hasMessageContaining("Re-authorize the app")
        .hasMessageContaining("user hasn't approved this consumer");
    assertThat(((AuthenticationException) thrown).hostMessage()).startsWith("invalid_grant");
  }

  @Test
  void checkNamesTheOrgOrClassifiesTheFailure() {
    SalesforceConnector connector = new SalesforceConnector();
    CheckResult ok = connector.check(org.context(org.settings("check-ok", Map.of())));
    assertThat(ok.ok()).as(ok.message()).isTrue();
    assertThat(ok.message()).contains("Dunhub Sandbox Org").contains(SandboxOrgFixture.USERNAME);

    ConnectionSettings wrongUser =
        org.settings("check-bad", Map.of("username", "nobody@dunhub-demo.example"));
    CheckResult bad = connector.check(org.context(wrongUser));
    assertThat(bad.status()).isEqualTo(CheckResult.Status.AUTHENTICATION_FAILED);
  }

  @Test
  void passwordLoginAndClientCredentialsAlsoConnect() {
    org.sandbox.auth().password(SandboxOrgFixture.USERNAME, "s3cret+TOKEN");
    ConnectionSettings password =
        new ConnectionSettings(
            "dev-org",
            "salesforce",
            Map.of(
                "auth",
                "password",
                "login_url",
                org.sandbox.loginUrl(),
                "username",
                SandboxOrgFixture.USERNAME),
            Map.of("password", Secret.of("s3cret+TOKEN")));
    assertThat(new SalesforceConnector().validate(password)).isEmpty();
    assertThat(new SalesforceConnector().check(org.context(password)).ok()).isTrue();

    org.sandbox.auth().clientCredentials("consumer-secret", org.sandbox.org().defaultUserId());
    ConnectionSettings cc =
        new ConnectionSettings(
            "cc-org",
            "salesforce",
            Map.of(
                "auth",
                "client_credentials",
                "my_domain_url",
                org.sandbox.loginUrl(),
                "client_id",
                SandboxOrgFixture.CLIENT_ID),
            Map.of("client_secret", Secret.of("consumer-secret")));
    assertThat(new SalesforceConnector().validate(cc)).isEmpty();
    assertThat(new SalesforceConnector().check(org.context(cc)).ok()).isTrue();
  }

  @Test
  void usageIsReportedAndCallsSlowDownThenStopAtTheConfiguredShare() {
    SalesforceConnection c =
        org.open("budget", Map.of("fields_account", "Name", "api_share_percent", "50"));
    List<ApiUsage> heard = new ArrayList<>();
    c.addApiUsageListener(heard::add);
    org.sandbox.api().allowance(3_000, 15_000);
    SourceStream accounts = c.source("Account");

    accounts.readPage(null, 1);
    assertThat(c.apiUsage().used()).isEqualTo(3_001);
    assertThat(c.apiUsage().limit()).isEqualTo(15_000);
    assertThat(c.allowance())
        .hasValueSatisfying(
            a -> {
              assertThat(a.used()).isEqualTo(3_001);
              assertThat(a.limit()).isEqualTo(15_000);
              assertThat(a.name()).contains("24 hours");
            });
    assertThat(heard).hasSize(1);
    Duration sleptAtTwentyPercent = clock.slept();
    accounts.readPage(null, 1);
    assertThat(clock.slept()).as("no pacing far below the share").isEqualTo(sleptAtTwentyPercent);

    org.sandbox.api().allowance(7_000, 15_000);
    accounts.readPage(null, 1); // learns the org is at 46.7%
    Duration before = clock.slept();
    accounts.readPage(null, 1);
    assertThat(clock.slept().minus(before))
        .as("paced between 80% of the share and the share")
        .isBetween(Duration.ofMillis(1_000), Duration.ofMillis(2_000));

    org.sandbox.api().allowance(7_600, 15_000);
    accounts.readPage(null, 1); // learns the org is past 50%
    long calls = org.sandbox.api().totalCalls();
    Throwable refused = catchThrowable(() -> accounts.readPage(null, 1));
    assertThat(refused).isInstanceOf(RetryableException.class).hasMessageContaining("50%");
    assertThat(org.sandbox.api().totalCalls()).as("no call made past the share").isEqualTo(calls);
  }

  @Test
  void neverMoreRequestsInFlightThanConfigured() throws Exception {
    SalesforceConnection c =
        org.open("concurrency", Map.of("fields_account", "Name", "max_concurrent", "2"));
    org.sandbox.latency(Duration.ofMillis(150));
    org.sandbox.api().reset();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Page>> reads = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        // separate streams so each read is a fresh query
        reads.add(pool.submit(() -> c.source("Account").readPage(null, 1)));
        reads.add(pool.submit(() -> c.describe("Contact") == null ? null : Page.class.cast(null)));
      }
      for (Future<Page> f : reads) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(org.sandbox.api().maxInFlight()).isLessThanOrEqualTo(2).isGreaterThanOrEqualTo(1);
  }

  @Test
  void deletesArriveInTheSameOrderedStreamAsChanges() {
    SalesforceConnection c = org.open("deletes", FIELDS);
    SourceStream accounts = c.source("Account");
    List<SourceRecord> all = new ArrayList<>();
    Page page = accounts.readPage(null, 10);
    all.addAll(page.records());
    while (page.hasMore()) {
      page = accounts.readPage(page.next(), 10);
      all.addAll(page.records());
    }
    assertThat(all).hasSize(25).noneMatch(SourceRecord::deleted);

    clock.advance(Duration.ofMinutes(5));
    String gone = seeded.accountIds().get(4);
    org.sandbox.org().delete(gone);
    clock.advance(Duration.ofMinutes(1));
    String changed = seeded.accountIds().get(7);
    org.sandbox.org().update("Account", changed, Map.of("Phone", "+49 30 1234"), List.of());

    Page later = accounts.readPage(page.next(), 10);
    assertThat(later.records()).extracting(SourceRecord::hostId).containsExactly(gone, changed);
    assertThat(later.records().get(0).deleted()).isTrue();
    assertThat(later.records().get(1).deleted()).isFalse();
    assertThat(later.records().get(1).raw().path("Name").asText()).isNotEmpty();
    assertThat(org.sandbox.api().calls("queryAll")).isEqualTo(1);
  }
}
