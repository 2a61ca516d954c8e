package io.dunhub.salesforce.sandbox;

import com.sforce.soap.metadata.AsyncRequestState;
import com.sforce.soap.metadata.AsyncResult;
import com.sforce.soap.metadata.DeployDetails;
import com.sforce.soap.metadata.DeployMessage;
import com.sforce.soap.metadata.DeployResult;
import com.sforce.soap.metadata.DeployStatus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.w3c.dom.Element;

/**
 * The metadata SOAP endpoint ({@code /services/Soap/m/NN.0}): {@code deploy} of a zip in metadata
 * API format and {@code checkDeployStatus}. Custom objects and fields in the zip become real
 * sandbox objects and fields (describable, queryable, writable); Lightning pages are checked
 * against the page's object ({@link FlexiPageCheck}); permission sets and layouts are accepted.
 * Each component is reported created, changed, or neither when the org already has the same
 * definition. A deploy with a bad component fails as a whole and changes nothing; a check-only
 * deploy ({@code DeployOptions.checkOnly}) reports the same and changes nothing either.
 */
final class MetadataEndpoint {
  record Reply(int status, String body) {}

  private final SandboxOrg org;
  private final SandboxAuth auth;
  private final Map<String, Deployment> deployments = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(1);
  private final List<String> deployedComponents = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final DeployedMetadata deployed = new DeployedMetadata();

  private static final class Deployment {
    final byte[] zip;
    final boolean checkOnly;
    int checks;
    DeployResult result;

    Deployment(byte[] zip, boolean checkOnly) {
      this.zip = zip;
      this.checkOnly = checkOnly;
    }
  }

  MetadataEndpoint(SandboxOrg org, SandboxAuth auth) {
    this.org = org;
    this.auth = auth;
  }

  /** {@code Type:FullName} of every component deployed so far. */
  List<String> deployedComponents() {
    return List.copyOf(deployedComponents);
  }

  Reply handle(String xml) {
    try {
      SoapRequest request = SoapRequest.parse(xml);
      if (auth.session(request.headerValue("SessionHeader", "sessionId")).isEmpty()) {
        throw SandboxException.fault(
            "sf:UnexpectedErrorFault",
            "INVALID_SESSION_ID",
            "Invalid Session ID found in SessionHeader: Illegal Session");
      }
      return switch (request.name()) {
        case "deploy" -> deploy(request);
        case "checkDeployStatus" -> check(request.text("asyncProcessId"));
        default ->
            throw SandboxException.fault(
                "sf:UnexpectedErrorFault",
                "INVALID_OPERATION",
                "the sandbox does not implement " + request.name());
      };
    } catch (SandboxException e) {
      return new Reply(
          500, SoapWriter.fault(e).replace(SoapWriter.FAULT_NS, SoapWriter.METADATA_NS));
    } catch (IllegalArgumentException e) {
      return new Reply(
          500,
          SoapWriter.fault(
                  SandboxException.fault(
                      "sf:UnexpectedErrorFault", "INVALID_OPERATION", e.getMessage()))
              .replace(SoapWriter.FAULT_NS, SoapWriter.METADATA_NS));
    }
  }

  private Reply deploy(SoapRequest request) {
    byte[] zip = Base64.getMimeDecoder().decode(request.text("ZipFile"));
    String id = SalesforceIds.id("0Af", "5g", ids.getAndIncrement());
    Element options = request.elements("DeployOptions").stream().findFirst().orElse(null);
    boolean checkOnly = options != null && "true".equals(MetadataXml.text(options, "checkOnly"));
    deployments.put(id, new Deployment(zip, checkOnly));
    AsyncResult result = new AsyncResult();
    result.setDone(false);
    result.setId(id);
    result.setState(AsyncRequestState.Queued);
    return new Reply(
        200,
        SoapWriter.metadata(
            "<deployResponse>"
                + SoapWriter.bean(SoapWriter.METADATA_NS, "result", result)
                + "</deployResponse>"));
  }

  private Reply check(String id) {
    Deployment d = deployments.get(id);
    if (d == null) {
      throw SandboxException.fault(
          "sf:UnexpectedErrorFault", "INVALID_ID_FIELD", "invalid deploy id: " + id);
    }
    DeployResult result;
    synchronized (d) {
      d.checks++;
      if (d.checks == 1) {
        result = base(id, DeployStatus.InProgress, false);
      } else {
        if (d.result == null) {
          d.result = apply(id, d);
        }
        result = d.result;
      }
    }
    return new Reply(
        200,
        SoapWriter.metadata(
            "<checkDeployStatusResponse>"
                + SoapWriter.bean(SoapWriter.METADATA_NS, "result", result)
                + "</checkDeployStatusResponse>"));
  }

  private DeployResult base(String id, DeployStatus status, boolean done) {
    DeployResult r = new DeployResult();
    r.setId(id);
    r.setStatus(status);
    r.setDone(done);
    r.setCreatedBy(org.defaultUserId());
    r.setCreatedByName("Dunhub Integration");
    Calendar now = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    now.setTimeInMillis(org.clock().millis());
    r.setCreatedDate(now);
    r.setStartDate(now);
    r.setLastModifiedDate(now);
    r.setRollbackOnError(true);
    r.setDetails(new DeployDetails());
    return r;
  }

  private DeployResult apply(String id, Deployment d) {
    DeployPlanner planner = new DeployPlanner(org, deployed);
    DeployPlanner.Plan plan = planner.plan(unzip(d.zip));
    boolean ok = plan.failures.isEmpty();
    if (ok && !d.checkOnly) {
      synchronized (org) {
        plan.changes.forEach(Runnable::run);
      }
      plan.definitions.forEach(def -> deployed.record(def[0], def[1], def[2]));
      plan.children.forEach(rel -> deployed.childRelationship(rel[0], rel[1]));
      plan.successes.add(0, planner.message("", "package.xml", "package.xml", null, null));
      for (DeployMessage m : plan.successes) {
        deployedComponents.add(m.getComponentType() + ":" + m.getFullName());
      }
    } else if (ok) {
      plan.successes.add(0, planner.message("", "package.xml", "package.xml", null, null));
    }
    DeployResult r = base(id, ok ? DeployStatus.Succeeded : DeployStatus.Failed, true);
    r.setCheckOnly(d.checkOnly);
    r.setSuccess(ok);
    r.setCompletedDate(r.getLastModifiedDate());
    r.setNumberComponentsTotal(plan.successes.size() + plan.failures.size());
    r.setNumberComponentsDeployed(ok ? plan.successes.size() : 0);
    r.setNumberComponentErrors(plan.failures.size());
    DeployDetails details = new DeployDetails();
    details.setComponentSuccesses(
        ok ? plan.successes.toArray(new DeployMessage[0]) : new DeployMessage[0]);
    details.setComponentFailures(plan.failures.toArray(new DeployMessage[0]));
    r.setDetails(details);
    if (!ok) {
      r.setErrorMessage(plan.failures.get(0).getProblem());
    }
    return r;
  }

  private static Map<String, String> unzip(byte[] zip) {
    Map<String, String> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        if (!e.isDirectory()) {
          String name = e.getName();
          if (name.startsWith("unpackaged/")) {
            name = name.substring("unpackaged/".length());
          }
          files.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("the deploy zip cannot be read: " + e.getMessage());
    }
    return files;
  }
}
