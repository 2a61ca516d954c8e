package io.dunhub.core.mapping.internal;

import io.dunhub.core.mapping.FieldDescription;
import io.dunhub.core.mapping.FieldType;
import io.dunhub.core.mapping.ObjectDescription;
import io.dunhub.core.mapping.ObjectDescriptions;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a host path against the object's description: every step must exist (following Salesforce
 * relationships into the referenced object), and list steps must meet lists.
 */
final class PathChecker {
  private final ObjectDescriptions descriptions;
  private final Problems problems;

  PathChecker(ObjectDescriptions descriptions, Problems problems) {
    this.descriptions = descriptions;
    this.problems = problems;
  }

  /**
   * The description of the field the path ends at, or empty when it cannot be known (reported as an
   * error when the field does not exist, a warning when it cannot be checked).
   *
   * @param start the fields the path starts from (an object's, or a list element's)
   */
  Optional<FieldDescription> check(
      HostPath path, ObjectDescription object, Map<String, FieldDescription> start, Where where) {
    Map<String, FieldDescription> fields = start;
    ObjectDescription owner = object;
    FieldDescription last = null;
    String walked = "";
    for (HostPath.Step step : path.steps()) {
      if (step instanceof HostPath.Field f) {
        if (last != null && (last.type() == FieldType.ANY || fields.isEmpty() && owner == null)) {
          return Optional.empty();
        }
        FieldDescription fd = fields.get(f.name());
        if (fd == null && owner != null) {
          Optional<FieldDescription> rel = owner.relationship(f.name());
          if (rel.isPresent() && rel.get().referenceTo() != null) {
            Optional<ObjectDescription> target =
                descriptions.find(owner.system(), rel.get().referenceTo());
            if (target.isEmpty()) {
              problems.warning(
                  where,
                  "cannot check '"
                      + path
                      + "' past "
                      + f.name()
                      + ": no description of "
                      + rel.get().referenceTo());
              return Optional.empty();
            }
            owner = target.get();
            fields = owner.fields();
            last = new FieldDescription(f.name(), FieldType.OBJECT, null, null, fields);
            walked = walked.isEmpty() ? f.name() : walked + "." + f.name();
            continue;
          }
        }
        if (fd == null) {
          String in = walked.isEmpty() ? (owner == null ? "the element" : owner.object()) : walked;
          if (owner != null && !owner.complete() && owner.looksCustom(f.name())) {
            problems.warning(
                where,
                "custom field '"
                    + f.name()
                    + "' is not in the recorded description of "
                    + in
                    + "; it is checked against the live description when the connection opens"
                    + " (or describe it in "
                    + owner.system()
                    + "/objects/"
                    + owner.object()
                    + ".yaml)");
          } else {
            problems.error(
                where,
                in + " has no field '" + f.name() + "'" + Suggest.hint(f.name(), fields.keySet()));
          }
          return Optional.empty();
        }
        last = fd;
        walked = walked.isEmpty() ? f.name() : walked + "." + f.name();
        if (fd.type() == FieldType.OBJECT || fd.type() == FieldType.ARRAY) {
          fields = fd.fields();
          owner = null;
        }
      } else {
        if (last == null || last.type() == FieldType.ANY) {
          return Optional.empty();
        }
        if (last.type() != FieldType.ARRAY) {
          problems.error(
              where, "'" + walked + "' is not a list, so '" + path + "' cannot index it");
          return Optional.empty();
        }
        if (step instanceof HostPath.Select sel
            && !last.fields().isEmpty()
            && !last.fields().containsKey(sel.key())) {
          problems.error(where, "elements of '" + walked + "' have no field '" + sel.key() + "'");
          return Optional.empty();
        }
        last = new FieldDescription(walked + "[]", FieldType.OBJECT, null, null, last.fields());
        fields = last.fields();
      }
    }
    return Optional.ofNullable(last);
  }
}
