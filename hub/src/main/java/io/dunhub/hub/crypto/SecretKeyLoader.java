package io.dunhub.hub.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the key that encrypts secrets at rest, in this order:
 *
 * <ol>
 *   <li>the environment variable {@code DUNHUB_SECRET_KEY}: a base64-encoded 256-bit key;
 *   <li>the file named by {@code DUNHUB_SECRET_KEY_FILE} (or given to the loader), holding one;
 *   <li>in development (embedded) mode only: {@code secret.key} in the data directory, created with
 *       a fresh random key and permissions {@code 0600} the first time.
 * </ol>
 *
 * <p>In production mode without a key, start-up fails with a {@link MissingSecretKeyException} that
 * says how to make one. {@code DUNHUB_SECRET_KEY_PREVIOUS} may list older keys (comma-separated),
 * still accepted for decryption after a rotation. The environment is read through the lookup handed
 * in, never directly.
 */
public final class SecretKeyLoader {

  public static final String KEY_VARIABLE = "DUNHUB_SECRET_KEY";
  public static final String KEY_FILE_VARIABLE = "DUNHUB_SECRET_KEY_FILE";
  public static final String PREVIOUS_VARIABLE = "DUNHUB_SECRET_KEY_PREVIOUS";
  public static final String DEV_KEY_FILE = "secret.key";

  private static final Logger LOG = LoggerFactory.getLogger(SecretKeyLoader.class);

  private final Function<String, String> env;
  private final SecureRandom random;

  public SecretKeyLoader(Function<String, String> env, SecureRandom random) {
    this.env = Objects.requireNonNull(env, "env");
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * The cipher for this hub.
   *
   * @param keyFile a key file named in the config, or null
   * @param dataDir the data directory, where development mode keeps its key; may be null
   * @param production whether a missing key is an error (true) or a development key may be made
   */
  public SecretCipher load(Path keyFile, Path dataDir, boolean production) {
    List<byte[]> previous = new ArrayList<>();
    String old = env.apply(PREVIOUS_VARIABLE);
    if (old != null && !old.isBlank()) {
      for (String k : old.split(",")) {
        previous.add(decode(k.trim(), PREVIOUS_VARIABLE));
      }
    }
    return new SecretCipher(currentKey(keyFile, dataDir, production), previous, random);
  }

  private byte[] currentKey(Path keyFile, Path dataDir, boolean production) {
    String inline = env.apply(KEY_VARIABLE);
    if (inline != null && !inline.isBlank()) {
      return decode(inline.trim(), KEY_VARIABLE);
    }
    String fileVariable = env.apply(KEY_FILE_VARIABLE);
    Path file =
        fileVariable != null && !fileVariable.isBlank() ? Path.of(fileVariable.trim()) : keyFile;
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw new MissingSecretKeyException(
            "the secret key file " + file + " does not exist" + howTo());
      }
      return decode(read(file), "the key file " + file);
    }
    if (production) {
      throw new MissingSecretKeyException(
          "no secret key is configured, and production mode will not store tokens unencrypted"
              + howTo());
    }
    if (dataDir == null) {
      throw new MissingSecretKeyException("no secret key and no data directory to keep one in");
    }
    return developmentKey(dataDir.resolve(DEV_KEY_FILE));
  }

  private byte[] developmentKey(Path file) {
    if (Files.isRegularFile(file)) {
      return decode(read(file), "the key file " + file);
    }
    byte[] key = new byte[32];
    random.nextBytes(key);
    try {
      Files.createDirectories(file.getParent());
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
      } else {
        Files.createFile(file);
      }
      Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
    } catch (FileAlreadyExistsException e) {
      return decode(read(file), "the key file " + file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the development secret key " + file, e);
    }
    LOG.warn(
        "created a development secret key in {}; back it up with the data directory, and set {}"
            + " in production",
        file,
        KEY_VARIABLE);
    return key;
  }

  private static String howTo() {
    return ": set "
        + KEY_VARIABLE
        + " to a base64-encoded 256-bit key (make one with `openssl rand -base64 32`), or set "
        + KEY_FILE_VARIABLE
        + " to a file holding one (readable only by the hub's user)";
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the secret key file " + file, e);
    }
  }

  private static byte[] decode(String base64, String where) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new MissingSecretKeyException(where + " is not valid base64" + howTo());
    }
    if (key.length != 32) {
      throw new MissingSecretKeyException(
          where + " holds a " + key.length * 8 + "-bit key; a 256-bit key is needed" + howTo());
    }
    return key;
  }
}
