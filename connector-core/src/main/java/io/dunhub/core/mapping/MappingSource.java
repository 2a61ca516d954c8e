package io.dunhub.core.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A set of mapping files and object descriptions, read from a folder or the classpath. The layout
 * is the same everywhere: {@code <system>/<Object>.yaml} for mappings and {@code
 * <system>/objects/<Object>.yaml} for object descriptions (recorded ones, or an integrator's custom
 * fields).
 */
public record MappingSource(List<MappingDocument> mappings, List<MappingDocument> descriptions) {

  /** The name of the list of files a classpath source reads, one relative path a line. */
  public static final String INDEX = "index.txt";

  public MappingSource {
    mappings = List.copyOf(mappings);
    descriptions = List.copyOf(descriptions);
  }

  public static MappingSource empty() {
    return new MappingSource(List.of(), List.of());
  }

  /** Reads every {@code <system>/*.yaml} and {@code <system>/objects/*.yaml} under {@code dir}. */
  public static MappingSource fromDirectory(Path dir) {
    List<MappingDocument> mappings = new ArrayList<>();
    List<MappingDocument> descriptions = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      throw new UncheckedIOException(
          new IOException("mapping folder " + dir + " does not exist or is not a folder"));
    }
    try (Stream<Path> systems = Files.list(dir)) {
      for (Path systemDir : systems.filter(Files::isDirectory).sorted().toList()) {
        String system = systemDir.getFileName().toString();
        for (Path file : yamlFiles(systemDir)) {
          mappings.add(read(file, system));
        }
        Path objects = systemDir.resolve("objects");
        if (Files.isDirectory(objects)) {
          for (Path file : yamlFiles(objects)) {
            descriptions.add(read(file, system));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read mapping folder " + dir, e);
    }
    return new MappingSource(mappings, descriptions);
  }

  /**
   * Reads the files listed in {@code <root>/index.txt} on the classpath (a jar cannot be listed).
   * Lines are paths relative to {@code root}; blank lines and {@code #} comments are skipped.
   */
  public static MappingSource fromClasspath(ClassLoader loader, String root) {
    String index = resource(loader, root + "/" + INDEX);
    List<MappingDocument> mappings = new ArrayList<>();
    List<MappingDocument> descriptions = new ArrayList<>();
    for (String line : index.split("\n")) {
      String path = line.strip();
      if (path.isEmpty() || path.startsWith("#")) {
        continue;
      }
      String[] parts = path.split("/");
      String name = root + "/" + path;
      MappingDocument doc =
          new MappingDocument("classpath:" + name, parts[0], resource(loader, name));
      if (parts.length == 3 && parts[1].equals("objects")) {
        descriptions.add(doc);
      } else {
        mappings.add(doc);
      }
    }
    return new MappingSource(mappings, descriptions);
  }

  private static List<Path> yamlFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(
              f -> {
                String n = f.getFileName().toString();
                return n.endsWith(".yaml") || n.endsWith(".yml");
              })
          .sorted()
          .toList();
    }
  }

  private static MappingDocument read(Path file, String system) throws IOException {
    return new MappingDocument(
        file.toString(), system, Files.readString(file, StandardCharsets.UTF_8));
  }

  private static String resource(ClassLoader loader, String name) {
    try (InputStream in = loader.getResourceAsStream(name)) {
      if (in == null) {
        throw new UncheckedIOException(
            new IOException("no resource " + name + " on the classpath"));
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }
}
