package io.dunhub.hub.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dunhub.core.secret.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeyLoaderTest {

  @TempDir Path dataDir;

  private static SecretKeyLoader loader(Map<String, String> env) {
    return new SecretKeyLoader(env::get, new SecureRandom());
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  @Test
  void productionWithoutAKeyFailsAndSaysHowToSetOne() {
    assertThatThrownBy(() -> loader(Map.of()).load(null, dataDir, true))
        .isInstanceOf(MissingSecretKeyException.class)
        .hasMessageContaining("DUNHUB_SECRET_KEY")
        .hasMessageContaining("openssl rand -base64 32")
        .hasMessageContaining("DUNHUB_SECRET_KEY_FILE");
    assertThat(dataDir.resolve("secret.key")).doesNotExist();
  }

  @Test
  void theEnvironmentKeyIsUsedInProduction() {
    String key = randomKey();
    SecretCipher a = loader(Map.of("DUNHUB_SECRET_KEY", key)).load(null, null, true);
    SecretCipher b = loader(Map.of("DUNHUB_SECRET_KEY", key)).load(null, null, true);

    assertThat(b.decrypt(a.encrypt(Secret.of("x"), "c"), "c").reveal()).isEqualTo("x");
  }

  @Test
  void aShortKeyIsRefusedWithoutEchoingIt() {
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
    assertThatThrownBy(() -> loader(Map.of("DUNHUB_SECRET_KEY", shortKey)).load(null, null, true))
        .isInstanceOf(MissingSecretKeyException.class)
        .hasMessageContaining("128-bit key; a 256-bit key is needed")
        .hasMessageNotContaining(shortKey);
  }

  @Test
  void aKeyFileNamedByTheEnvironmentIsRead() throws Exception {
    Path file = dataDir.resolve("prod.key");
    Files.writeString(file, randomKey() + "\n");
    SecretCipher cipher =
        loader(Map.of("DUNHUB_SECRET_KEY_FILE", file.toString())).load(null, null, true);
    assertThat(cipher.decrypt(cipher.encrypt(Secret.of("y"), "c"), "c").reveal()).isEqualTo("y");

    assertThatThrownBy(
            () ->
                loader(Map.of("DUNHUB_SECRET_KEY_FILE", dataDir.resolve("none").toString()))
                    .load(null, null, true))
        .isInstanceOf(MissingSecretKeyException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void developmentModeCreatesAnOwnerOnlyKeyOnceAndReusesIt() throws Exception {
    SecretCipher first = loader(Map.of()).load(null, dataDir, false);
    Path file = dataDir.resolve("secret.key");
    assertThat(file).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");

    SecretCipher second = loader(Map.of()).load(null, dataDir, false);
    assertThat(second.currentKeyId()).isEqualTo(first.currentKeyId());
    assertThat(second.decrypt(first.encrypt(Secret.of("z"), "c"), "c").reveal()).isEqualTo("z");
  }
}
