package io.dunhub.hub.admin.policy;

import io.dunhub.hub.dunning.policy.BundledPolicies;
import io.dunhub.hub.dunning.policy.PolicyException;
import io.dunhub.hub.dunning.policy.PolicyLoader;
import io.dunhub.hub.dunning.policy.PolicySet;
import io.dunhub.hub.notice.NoticeRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The dunning policy files the hub runs on: the config's {@code policies} folder, or the bundled
 * policies (read-only) without one. Files are named by their name in the folder ({@code
 * default.yaml}); a policy by the {@code policy:} name inside.
 */
public final class PolicyFiles {

  private static final Pattern POLICY = Pattern.compile("(?m)^policy:\\s*['\"]?([^'\"#\\s]+)");

  private final Optional<Path> dir;
  private final NoticeRenderer renderer;

  public PolicyFiles(Optional<Path> dir, NoticeRenderer renderer) {
    this.dir = dir;
    this.renderer = renderer;
  }

  /** The notice templates the policies may name. */
  public NoticeRenderer renderer() {
    return renderer;
  }

  /** Whether new versions can be saved (a policies folder is configured). */
  public boolean editable() {
    return dir.isPresent();
  }

  /** File name → YAML text. */
  public Map<String, String> sources() {
    Map<String, String> sources = new TreeMap<>();
    if (dir.isEmpty()) {
      BundledPolicies.sources()
          .forEach((k, v) -> sources.put(k.substring(k.lastIndexOf('/') + 1), v));
      return sources;
    }
    try (Stream<Path> files = Files.list(dir.get())) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
          sources.put(name, Files.readString(f, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the policies folder " + dir.get(), e);
    }
    return sources;
  }

  /** The policies of these sources; throws {@link PolicyException} with every problem. */
  public PolicySet load(Map<String, String> sources) {
    return new PolicyLoader(renderer::exists).load(sources);
  }

  /** The policies as they are on disk now (null when they have problems). */
  public PolicySet current() {
    try {
      return load(sources());
    } catch (PolicyException e) {
      return null;
    }
  }

  /** The {@code policy:} name a YAML text declares, if it can be seen. */
  public static Optional<String> declaredName(String yaml) {
    Matcher m = POLICY.matcher(yaml);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The file that holds the policy of that name, if any. */
  public Optional<String> fileOf(String policy, Map<String, String> sources) {
    return sources.entrySet().stream()
        .filter(e -> declaredName(e.getValue()).map(policy::equals).orElse(false))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** The sources with a policy's file replaced (or added as {@code <name>.yaml}). */
  public Map<String, String> with(String policy, String yaml, Map<String, String> sources) {
    Map<String, String> changed = new TreeMap<>(sources);
    changed.put(fileOf(policy, sources).orElse(policy + ".yaml"), yaml);
    return changed;
  }

  /** Deletes one file of the policies folder, if it is there. */
  public void delete(String file) {
    try {
      Files.deleteIfExists(target(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }

  private Path target(String file) {
    Path folder = dir.orElseThrow();
    Path target = folder.resolve(file).normalize();
    if (!target.getParent().equals(folder.normalize())) {
      throw new IllegalArgumentException("not a file of the policies folder: " + file);
    }
    return target;
  }

  /** Writes one file of the policies folder (atomically: a temporary file moved in place). */
  public void write(String file, String yaml) {
    Path folder = dir.orElseThrow();
    Path target = target(file);
    try {
      Path tmp = Files.createTempFile(folder, ".policy-", ".tmp");
      Files.writeString(tmp, yaml, StandardCharsets.UTF_8);
      Files.move(
          tmp,
          target,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }
}
