package io.dunhub.hub.admin.mapping;

import io.dunhub.core.mapping.MappingDocument;
import io.dunhub.core.mapping.MappingSet;
import io.dunhub.core.mapping.MappingSource;
import io.dunhub.core.mapping.ObjectDescriptions;
import io.dunhub.mappings.DefaultMappings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The mapping files the hub uses: the shipped defaults, overridden by the config's mappings folder.
 * A file is named {@code <system>/<Object>.yaml}; a user file of the same name replaces the
 * default.
 */
public final class MappingFiles {

  private static final Pattern NAME = Pattern.compile("[a-z0-9_-]+/[A-Za-z0-9_.-]+\\.ya?ml");

  /** One file: its name, system, text and whether it is the integrator's. */
  public record File(String name, String system, String text, boolean user) {}

  private final Optional<Path> dir;

  public MappingFiles(Optional<Path> dir) {
    this.dir = dir;
  }

  public boolean editable() {
    return dir.isPresent();
  }

  public static boolean validName(String name) {
    return NAME.matcher(name).matches() && !name.contains("..");
  }

  /** Every file by name, user files over defaults. */
  public Map<String, File> files() {
    Map<String, File> files = new TreeMap<>();
    for (MappingDocument d : DefaultMappings.source().mappings()) {
      String name = d.system() + "/" + fileName(d.location());
      files.put(name, new File(name, d.system(), d.text(), false));
    }
    for (MappingDocument d : user().mappings()) {
      String name = d.system() + "/" + fileName(d.location());
      files.put(name, new File(name, d.system(), d.text(), true));
    }
    return files;
  }

  private MappingSource user() {
    return dir.filter(Files::isDirectory)
        .map(MappingSource::fromDirectory)
        .orElse(MappingSource.empty());
  }

  /** The compiled set as the hub loads it. */
  public MappingSet load() {
    return DefaultMappings.load(user(), ObjectDescriptions.none());
  }

  /** The compiled set with one user file replaced or added. */
  public MappingSet loadWith(String name, String text) {
    MappingSource user = user();
    List<MappingDocument> docs = new ArrayList<>();
    for (MappingDocument d : user.mappings()) {
      if (!(d.system() + "/" + fileName(d.location())).equals(name)) {
        docs.add(d);
      }
    }
    docs.add(new MappingDocument(location(name), name.substring(0, name.indexOf('/')), text));
    return DefaultMappings.load(
        new MappingSource(docs, user.descriptions()), ObjectDescriptions.none());
  }

  /** Where a user file of that name lives (or would). */
  public String location(String name) {
    return dir.map(d -> d.resolve(name).toString()).orElse("mappings/" + name);
  }

  /** The text of the integrator's file of that name, if there is one. */
  public Optional<String> userText(String name) {
    if (dir.isEmpty()) {
      return Optional.empty();
    }
    Path target = target(name);
    try {
      return Files.isRegularFile(target)
          ? Optional.of(Files.readString(target, StandardCharsets.UTF_8))
          : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + target, e);
    }
  }

  /** Deletes the integrator's file of that name, if it is there. */
  public void delete(String name) {
    try {
      Files.deleteIfExists(target(name));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + name, e);
    }
  }

  private Path target(String name) {
    Path folder = dir.orElseThrow();
    Path target = folder.resolve(name).normalize();
    if (!target.startsWith(folder.normalize())) {
      throw new IllegalArgumentException("not a file of the mappings folder: " + name);
    }
    return target;
  }

  public void write(String name, String text) {
    Path target = target(name);
    try {
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), ".mapping-", ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(
          tmp,
          target,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  static String fileName(String location) {
    String l = location.replace('\\', '/');
    return l.substring(l.lastIndexOf('/') + 1);
  }
}
