package io.dunhub.hub.mapping;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.dunhub.core.connector.SourceRecord;
import io.dunhub.core.mapping.Mapping;
import io.dunhub.core.mapping.MappingException;
import io.dunhub.core.mapping.MappingProblem;
import io.dunhub.core.mapping.MappingResult;
import io.dunhub.core.mapping.MappingSet;
import io.dunhub.core.mapping.MappingSource;
import io.dunhub.core.mapping.ObjectDescriptions;
import io.dunhub.core.model.Activity;
import io.dunhub.core.model.Contact;
import io.dunhub.core.model.EntityType;
import io.dunhub.core.model.Invoice;
import io.dunhub.core.model.Party;
import io.dunhub.core.model.Payment;
import io.dunhub.mappings.DefaultMappings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dunhub mappings}: check an integrator's mapping folder against the defaults, the canonical
 * model and the hosts' object descriptions, and try a mapping on a sample record.
 */
@Command(
    name = "mappings",
    description = "Check and try out field mappings.",
    mixinStandardHelpOptions = true,
    subcommands = {MappingsCommand.Validate.class, MappingsCommand.Preview.class})
public final class MappingsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  public MappingsCommand() {}

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** Exit code when a mapping has errors, or a preview record cannot be mapped. */
  public static final int FAILED = 1;

  /** Exit code for a command line that names no such mapping or file. */
  public static final int USAGE = 2;

  static MappingSet load(Path dir) {
    MappingSource user = dir == null ? MappingSource.empty() : MappingSource.fromDirectory(dir);
    return DefaultMappings.load(user, ObjectDescriptions.none());
  }

  static ObjectMapper json() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(SerializationFeature.INDENT_OUTPUT);
  }

  /** {@code dunhub mappings validate [--dir D]}. */
  @Command(
      name = "validate",
      description =
          "Load the default mappings and your folder, and report every problem with file, line"
              + " and column.",
      mixinStandardHelpOptions = true)
  static final class Validate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--dir",
        paramLabel = "D",
        description =
            "Your mapping folder (<system>/<Object>.yaml); without it, the defaults only.")
    Path dir;

    @Option(names = "--strict", description = "Treat warnings as errors.")
    boolean strict;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (dir != null && !Files.isDirectory(dir)) {
        err.println("mapping folder " + dir + " does not exist");
        return USAGE;
      }
      MappingSet set = load(dir);
      for (MappingProblem p : set.problems()) {
        (p.isError() ? err : out).println(p);
      }
      int errors = set.errors().size();
      int warnings = set.warnings().size();
      out.printf(
          "%d mappings compiled, %d error%s, %d warning%s%n",
          set.mappings().size(),
          errors,
          errors == 1 ? "" : "s",
          warnings,
          warnings == 1 ? "" : "s");
      out.flush();
      err.flush();
      return errors > 0 || strict && warnings > 0 ? FAILED : 0;
    }
  }

  /** {@code dunhub mappings preview --system S --object O --record sample.json}. */
  @Command(
      name = "preview",
      description =
          "Map one sample record and print the result: the canonical record for a host record,"
              + " or the host payload for a canonical record (outbound mappings).",
      mixinStandardHelpOptions = true)
  static final class Preview implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--system", required = true, paramLabel = "S", description = "salesforce, ...")
    String system;

    @Option(names = "--object", required = true, paramLabel = "O", description = "The host object")
    String object;

    @Option(
        names = "--record",
        required = true,
        paramLabel = "FILE",
        description = "A JSON record: as the host sends it (inbound) or canonical (outbound)")
    Path record;

    @Option(names = "--dir", paramLabel = "D", description = "Your mapping folder")
    Path dir;

    @Option(
        names = "--outbound",
        description = "For a mapping that goes both ways, map a canonical record to the host")
    boolean outbound;

    @Option(names = "--connection", defaultValue = "preview", description = "Connection name")
    String connection;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try {
        return preview(out, err);
      } finally {
        out.flush();
        err.flush();
      }
    }

    private int preview(PrintWriter out, PrintWriter err) {
      if (dir != null && !Files.isDirectory(dir)) {
        err.println("mapping folder " + dir + " does not exist");
        return USAGE;
      }
      MappingSet set = load(dir);
      Mapping mapping = set.find(system, object).orElse(null);
      List<MappingProblem> problems =
          set.problems().stream()
              .filter(p -> mapping == null || p.file().equals(mapping.file()))
              .filter(p -> mapping != null || p.file().contains("/" + system + "/" + object + "."))
              .toList();
      if (mapping == null) {
        problems.forEach(err::println);
        err.println(
            "no usable mapping of "
                + system
                + " "
                + object
                + (problems.isEmpty() ? "" : " (see the errors above)")
                + "; mappings of "
                + system
                + ": "
                + set.mappings().stream()
                    .filter(m -> m.system().equalsIgnoreCase(system))
                    .map(Mapping::hostObject)
                    .toList());
        return problems.isEmpty() ? USAGE : FAILED;
      }
      ObjectMapper json = json();
      ObjectNode input;
      try {
        input = (ObjectNode) json.readTree(Files.readString(record));
      } catch (IOException | ClassCastException e) {
        err.println("cannot read " + record + " as a JSON object: " + e.getMessage());
        return USAGE;
      }
      problems.forEach(out::println);
      out.println("mapping: " + mapping);
      if (!mapping.filters().isEmpty()) {
        out.println("filters: " + String.join("; ", mapping.filters()));
      }
      PreviewLookups lookups = new PreviewLookups();
      boolean toHost = !mapping.direction().inbound() || outbound;
      int code =
          toHost
              ? outbound(mapping, input, json, lookups, out, err)
              : inbound(mapping, input, json, lookups, out, err);
      lookups.notes().forEach(n -> out.println("warning: " + n));
      return code;
    }

    private int inbound(
        Mapping mapping,
        ObjectNode input,
        ObjectMapper json,
        PreviewLookups lookups,
        PrintWriter out,
        PrintWriter err) {
      String hostId =
          mapping.key() != null && input.hasNonNull(mapping.key())
              ? input.get(mapping.key()).asText()
              : record.getFileName().toString();
      SourceRecord source = new SourceRecord(object, hostId, null, Instant.EPOCH, false, input);
      MappingResult result = mapping.toCanonical(source, connection, lookups);
      if (result instanceof MappingResult.Mapped m) {
        out.println("canonical " + mapping.entity().name().toLowerCase(Locale.ROOT) + ":");
        out.println(write(json, m.canonical()));
        m.warnings().forEach(w -> out.println("warning: " + w));
        return 0;
      }
      if (result instanceof MappingResult.Skipped s) {
        out.println("skipped: " + s.reason());
        return 0;
      }
      MappingResult.Failed f = (MappingResult.Failed) result;
      err.println("failed: " + f);
      err.println("a sync would park this record with that reason and retry it later");
      return FAILED;
    }

    private int outbound(
        Mapping mapping,
        ObjectNode input,
        ObjectMapper json,
        PreviewLookups lookups,
        PrintWriter out,
        PrintWriter err) {
      if (!mapping.direction().outbound()) {
        err.println(mapping.hostObject() + " is only read by the hub: drop --outbound");
        return USAGE;
      }
      Object canonical;
      try {
        canonical = json.treeToValue(input, recordType(mapping.entity()));
      } catch (IOException | IllegalArgumentException e) {
        err.println(
            "cannot read "
                + record
                + " as a canonical "
                + mapping.entity().name().toLowerCase(Locale.ROOT)
                + ": "
                + e.getMessage());
        return USAGE;
      }
      try {
        ObjectNode payload = mapping.toHost(canonical, connection, lookups);
        out.println(mapping.system() + " " + mapping.hostObject() + " payload:");
        out.println(write(json, payload));
        return 0;
      } catch (MappingException e) {
        err.println("failed: " + e.getMessage());
        return FAILED;
      }
    }

    private static String write(ObjectMapper json, Object value) {
      try {
        return json.writeValueAsString(value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static Class<?> recordType(EntityType entity) {
      return switch (entity) {
        case PARTY -> Party.class;
        case CONTACT -> Contact.class;
        case INVOICE -> Invoice.class;
        case PAYMENT -> Payment.class;
        case ACTIVITY -> Activity.class;
      };
    }
  }
}
