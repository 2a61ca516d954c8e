package io.dunhub.hub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dunhub.core.auth.OAuthToken;
import io.dunhub.core.auth.StoredToken;
import io.dunhub.core.secret.Secret;
import io.dunhub.hub.crypto.SecretCipher;
import io.dunhub.hub.crypto.SecretCipherException;
import io.dunhub.hub.testing.MutableClock;
import io.dunhub.hub.testing.StoreTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class JdbcTokenStoreTest {

  private final MutableClock clock = MutableClock.atDefaultStart();
  private final SecretCipher cipher = new SecretCipher(new byte[32]);

  private static OAuthToken token(String access, String refresh) {
    return new OAuthToken(
        Secret.of(access), Secret.of(refresh), Instant.parse("2026-01-15T10:00:00Z"));
  }

  @StoreTest
  void storesEncryptedAndUpdatesOnlyFromTheCurrentVersion(Store store) {
    JdbcTokenStore tokens = new JdbcTokenStore(store, cipher, clock);

    assertThat(tokens.load("qbo")).isEmpty();
    assertThat(tokens.compareAndSet("qbo", 0, token("a1", "r1"))).isTrue();
    assertThat(tokens.compareAndSet("qbo", 0, token("a-other", "r-other"))).isFalse();

    StoredToken stored = tokens.load("qbo").orElseThrow();
    assertThat(stored.version()).isEqualTo(1);
    assertThat(stored.token().refreshToken().reveal()).isEqualTo("r1");
    assertThat(stored.token().expiresAt()).isEqualTo(Instant.parse("2026-01-15T10:00:00Z"));

    assertThat(tokens.compareAndSet("qbo", 1, token("access-two_Zq7", "refresh-two_Xk9"))).isTrue();
    assertThat(tokens.compareAndSet("qbo", 1, token("a3", "r3"))).as("stale version").isFalse();
    assertThat(tokens.load("qbo").orElseThrow().token().refreshToken().reveal())
        .isEqualTo("refresh-two_Xk9");
    assertThat(tokens.load("qbo").orElseThrow().version()).isEqualTo(2);

    String raw =
        store
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT access_token_enc || refresh_token_enc FROM oauth_tokens")
                        .mapTo(String.class)
                        .one());
    // Values long enough (and with '-' and '_', which base64 never yields) that ciphertext cannot
    // contain them by chance.
    assertThat(raw)
        .doesNotContain("access-two_Zq7")
        .doesNotContain("refresh-two_Xk9")
        .startsWith("dh1:");
  }

  @StoreTest
  void racingRefreshesStoreExactlyOneToken(Store store) throws Exception {
    JdbcTokenStore tokens = new JdbcTokenStore(store, cipher, clock);
    tokens.compareAndSet("qbo", 0, token("a0", "r0"));
    int racers = 6;
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        int n = i;
        Callable<Boolean> refresh =
            () -> {
              start.await();
              return tokens.compareAndSet("qbo", 1, token("a" + n, "r" + n));
            };
        results.add(pool.submit(refresh));
      }
      start.countDown();
      int winners = 0;
      for (Future<Boolean> f : results) {
        winners += f.get() ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
      assertThat(tokens.load("qbo").orElseThrow().version()).isEqualTo(2);
    } finally {
      pool.shutdownNow();
    }
  }

  @StoreTest
  void aTokenTamperedInTheDatabaseIsRefused(Store store) {
    JdbcTokenStore tokens = new JdbcTokenStore(store, cipher, clock);
    tokens.compareAndSet("sf", 0, token("a", "r"));
    tokens.compareAndSet("qbo", 0, token("b", "s"));
    // swap the encrypted refresh tokens of two connections
    store
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "UPDATE oauth_tokens SET refresh_token_enc = (SELECT refresh_token_enc FROM"
                        + " oauth_tokens WHERE connection = 'qbo') WHERE connection = 'sf'"));

    assertThatThrownBy(() -> tokens.load("sf"))
        .isInstanceOf(SecretCipherException.class)
        .hasMessageContaining("oauth_tokens/sf/refresh failed its integrity check");
  }
}
