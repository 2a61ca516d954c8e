package io.dunhub.salesforce.sandbox;

import com.sforce.soap.partner.DescribeSObjectResult;
import com.sforce.soap.partner.Field;
import com.sforce.soap.partner.FieldType;
import com.sforce.soap.partner.GetUserInfoResult;
import com.sforce.soap.partner.LoginResult;
import com.sforce.soap.partner.SoapType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.w3c.dom.Element;

/**
 * The partner SOAP endpoint ({@code /services/Soap/u/NN.0}): routes on the operation element,
 * checks the session, answers with the org's data. Faults come back as HTTP 500.
 */
final class PartnerEndpoint {
  static final int DEFAULT_BATCH = 500;
  private static final String SESSION_HASH = "k3Zb9yQv0dTQn1mJ2c8sXw4RrA7uFfLhPpE6oVgNiYs=";

  /** What to send back; {@link #LOST} drops the connection instead of answering. */
  record Reply(int status, String body) {
    static final Reply LOST = new Reply(0, null);

    boolean lost() {
      return status == 0;
    }
  }

  private final SandboxOrg org;
  private final SandboxAuth auth;
  private final ApiCounter counter;
  private final String instanceUrl;
  private final QueryEngine engine;
  private final Map<String, Cursor> cursors = new ConcurrentHashMap<>();
  private final AtomicLong cursorIds = new AtomicLong(1);

  private record Cursor(List<QueryEngine.ResultRow> rows, int batchSize, Instant lastUsed) {}

  PartnerEndpoint(SandboxOrg org, SandboxAuth auth, ApiCounter counter, String instanceUrl) {
    this.org = org;
    this.auth = auth;
    this.counter = counter;
    this.instanceUrl = instanceUrl;
    this.engine = new QueryEngine(org);
  }

  Reply handle(String xml, String apiVersion) {
    SoapRequest request;
    try {
      request = SoapRequest.parse(xml);
    } catch (IllegalArgumentException e) {
      return fault(
          SandboxException.fault("sf:UnexpectedErrorFault", "INVALID_OPERATION", e.getMessage()));
    }
    try {
      String op = request.name();
      counter.request(op);
      if (op.equals("login")) {
        counter.charge();
        return ok(login(request, apiVersion));
      }
      SandboxAuth.Session session =
          auth.session(request.headerValue("SessionHeader", "sessionId"))
              .orElseThrow(
                  () ->
                      SandboxException.fault(
                          "sf:UnexpectedErrorFault",
                          "INVALID_SESSION_ID",
                          "Invalid Session ID found in SessionHeader: Illegal Session. Session"
                              + " not found, missing session hash: "
                              + SESSION_HASH
                              + "\nThis error usually occurs after a session expires or a user"
                              + " logs out."));
      counter.charge();
      counter.injectedFault(op);
      Reply reply =
          ok(
              switch (op) {
                case "query" -> query(request, false);
                case "queryAll" -> query(request, true);
                case "queryMore" -> queryMore(request.text("queryLocator"));
                case "create" -> create(request, session);
                case "update" -> update(request);
                case "upsert" -> upsert(request);
                case "delete" -> delete(request);
                case "retrieve" -> retrieve(request);
                case "describeSObject" -> describe(request.text("sObjectType"));
                case "getUserInfo" -> userInfo(session.userId());
                default ->
                    throw SandboxException.fault(
                        "sf:UnexpectedErrorFault",
                        "INVALID_OPERATION",
                        "the sandbox does not implement " + op);
              });
      return counter.takeLostResponse(op) ? Reply.LOST : reply;
    } catch (SandboxException e) {
      if (e.isFault()) {
        return fault(e);
      }
      return fault(SandboxException.fault("sf:UnexpectedErrorFault", e.code(), e.getMessage()));
    } catch (Soql.MalformedQueryException e) {
      return fault(
          SandboxException.fault("sf:MalformedQueryFault", "MALFORMED_QUERY", e.getMessage()));
    }
  }

  private Reply ok(String body) {
    return new Reply(200, SoapWriter.partner(counter.used(), counter.limit(), body));
  }

  private static Reply fault(SandboxException e) {
    return new Reply(500, SoapWriter.fault(e));
  }

  private String login(SoapRequest request, String apiVersion) {
    String username = request.text("username");
    String password = request.text("password");
    String userId = username == null ? null : org.userId(username).orElse(null);
    if (userId == null || !auth.passwordMatches(username, password)) {
      throw SandboxException.fault(
          "sf:LoginFault",
          "INVALID_LOGIN",
          "Invalid username, password, security token; or user locked out.");
    }
    String sessionId = auth.open(org.orgId(), userId);
    LoginResult result = new LoginResult();
    result.setMetadataServerUrl(instanceUrl + "/services/Soap/m/" + apiVersion + "/" + orgId15());
    result.setServerUrl(instanceUrl + "/services/Soap/u/" + apiVersion + "/" + orgId15());
    result.setSessionId(sessionId);
    result.setUserId(userId);
    result.setSandbox(true);
    result.setUserInfo(userInfoBean(userId));
    return "<loginResponse>"
        + SoapWriter.bean(SoapWriter.PARTNER_NS, "result", result)
        + "</loginResponse>";
  }

  private String orgId15() {
    return org.orgId().substring(0, 15);
  }

  private String userInfo(String userId) {
    return "<getUserInfoResponse>"
        + SoapWriter.bean(SoapWriter.PARTNER_NS, "result", userInfoBean(userId))
        + "</getUserInfoResponse>";
  }

  private GetUserInfoResult userInfoBean(String userId) {
    Map<String, String> user = org.row(userId);
    GetUserInfoResult info = new GetUserInfoResult();
    info.setOrganizationId(org.orgId());
    info.setOrganizationName("Dunhub Sandbox Org");
    info.setUserId(userId);
    info.setUserName(user.get("Username"));
    info.setUserEmail(user.get("Email"));
    info.setUserFullName(user.get("Name"));
    info.setUserLanguage("en_US");
    info.setUserLocale("en_US");
    info.setUserTimeZone("America/Los_Angeles");
    info.setUserType("Standard");
    info.setCurrencySymbol("$");
    info.setOrgDefaultCurrencyIsoCode("USD");
    info.setProfileId("00e5g000000ABCDAAA");
    info.setSessionSecondsValid((int) auth.sessionSeconds());
    info.setUserUiSkin("Theme3");
    return info;
  }

  private String query(SoapRequest request, boolean all) {
    Soql.Query q = Soql.parse(request.text("queryString"));
    List<QueryEngine.ResultRow> rows = engine.run(q, all);
    String op = all ? "queryAll" : "query";
    if (q.count()) {
      return SoapWriter.queryResult(op, List.of(), true, null, rows.size());
    }
    int batch = batchSize(request);
    return page(op, rows, 0, batch, null);
  }

  private String queryMore(String locator) {
    int dash = locator == null ? -1 : locator.lastIndexOf('-');
    Cursor cursor = dash < 0 ? null : cursors.get(locator.substring(0, dash));
    if (cursor == null
        || Duration.between(cursor.lastUsed(), org.clock().instant()).toMinutes() >= 15) {
      throw SandboxException.fault(
          "sf:InvalidQueryLocatorFault", "INVALID_QUERY_LOCATOR", "invalid query locator");
    }
    int position;
    try {
      position = Integer.parseInt(locator.substring(dash + 1));
    } catch (NumberFormatException e) {
      throw SandboxException.fault(
          "sf:InvalidQueryLocatorFault", "INVALID_QUERY_LOCATOR", "invalid query locator");
    }
    return page(
        "queryMore", cursor.rows(), position, cursor.batchSize(), locator.substring(0, dash));
  }

  private String page(
      String op, List<QueryEngine.ResultRow> rows, int from, int batch, String cursorId) {
    int to = Math.min(rows.size(), from + batch);
    boolean done = to >= rows.size();
    String id = cursorId;
    if (done) {
      if (id != null) {
        cursors.remove(id);
      }
    } else {
      if (id == null) {
        id = SalesforceIds.id("01g", "5g", cursorIds.getAndIncrement()).substring(0, 15);
      }
      cursors.put(id, new Cursor(rows, batch, org.clock().instant()));
    }
    return SoapWriter.queryResult(
        op, rows.subList(from, to), done, done ? null : id + "-" + to, rows.size());
  }

  private static int batchSize(SoapRequest request) {
    String v = request.headerValue("QueryOptions", "batchSize");
    if (v == null) {
      return DEFAULT_BATCH;
    }
    return Math.max(200, Math.min(2000, Integer.parseInt(v)));
  }

  private record Parsed(String type, String id, Map<String, String> values, List<String> toNull) {}

  private static Parsed parse(Element sObject) {
    String type = null;
    String id = null;
    Map<String, String> values = new LinkedHashMap<>();
    List<String> toNull = new ArrayList<>();
    for (Element e : SoapRequest.children(sObject)) {
      String name = e.getLocalName();
      switch (name) {
        case "type" -> type = e.getTextContent();
        case "fieldsToNull" -> toNull.add(e.getTextContent());
        case "Id" -> id = e.getTextContent().isEmpty() ? id : e.getTextContent();
        default -> {
          if (SoapRequest.isNil(e)) {
            toNull.add(name);
          } else {
            values.put(name, e.getTextContent());
          }
        }
      }
    }
    return new Parsed(type, id, values, toNull);
  }

  private List<Element> records(SoapRequest request) {
    List<Element> list = request.elements("sObjects");
    if (list.size() > 200) {
      throw SandboxException.fault(
          "sf:UnexpectedErrorFault",
          "EXCEEDED_ID_LIMIT",
          "record limit reached. cannot submit more than 200 records into this call");
    }
    return list;
  }

  private String create(SoapRequest request, SandboxAuth.Session session) {
    StringBuilder b = new StringBuilder("<createResponse>");
    for (Element e : records(request)) {
      Parsed p = parse(e);
      try {
        String id = org.insert(p.type(), p.values(), session.userId());
        b.append("<result><id>").append(id).append("</id><success>true</success></result>");
      } catch (SandboxException ex) {
        if (ex.isFault()) {
          throw ex;
        }
        b.append("<result>")
            .append(SoapWriter.error(ex))
            .append("<id xsi:nil=\"true\"/><success>false</success></result>");
      }
    }
    return b.append("</createResponse>").toString();
  }

  private String update(SoapRequest request) {
    StringBuilder b = new StringBuilder("<updateResponse>");
    for (Element e : records(request)) {
      Parsed p = parse(e);
      try {
        org.update(p.type(), p.id(), p.values(), p.toNull());
        b.append("<result><id>").append(p.id()).append("</id><success>true</success></result>");
      } catch (SandboxException ex) {
        if (ex.isFault()) {
          throw ex;
        }
        b.append("<result>")
            .append(SoapWriter.error(ex))
            .append("<id xsi:nil=\"true\"/><success>false</success></result>");
      }
    }
    return b.append("</updateResponse>").toString();
  }

  private String upsert(SoapRequest request) {
    String key = request.text("externalIDFieldName");
    StringBuilder b = new StringBuilder("<upsertResponse>");
    for (Element e : records(request)) {
      Parsed p = parse(e);
      try {
        SandboxOrg.UpsertOutcome out = org.upsert(p.type(), key, p.values());
        b.append("<result><created>")
            .append(out.created())
            .append("</created><id>")
            .append(out.id())
            .append("</id><success>true</success></result>");
      } catch (SandboxException ex) {
        if (ex.isFault()) {
          throw ex;
        }
        b.append("<result><created>false</created>")
            .append(SoapWriter.error(ex))
            .append("<id xsi:nil=\"true\"/><success>false</success></result>");
      }
    }
    return b.append("</upsertResponse>").toString();
  }

  private String delete(SoapRequest request) {
    StringBuilder b = new StringBuilder("<deleteResponse>");
    for (String id : request.texts("ids")) {
      try {
        org.delete(id);
        b.append("<result><id>").append(id).append("</id><success>true</success></result>");
      } catch (SandboxException ex) {
        b.append("<result>")
            .append(SoapWriter.error(ex))
            .append("<id xsi:nil=\"true\"/><success>false</success></result>");
      }
    }
    return b.append("</deleteResponse>").toString();
  }

  private String retrieve(SoapRequest request) {
    String type = request.text("sObjectType");
    String fieldList = request.text("fieldList");
    StringBuilder b = new StringBuilder("<retrieveResponse>");
    for (String id : request.texts("ids")) {
      String soql = "SELECT " + fieldList + " FROM " + type + " WHERE Id = '" + id + "'";
      List<QueryEngine.ResultRow> rows = engine.run(Soql.parse(soql), false);
      if (rows.isEmpty()) {
        b.append("<result xsi:nil=\"true\"/>");
      } else {
        b.append("<result xsi:type=\"sf:sObject\">");
        SoapWriter.sObjectBody(b, rows.get(0));
        b.append("</result>");
      }
    }
    return b.append("</retrieveResponse>").toString();
  }

  private String describe(String type) {
    ObjectDef object = org.requireObject(type);
    DescribeSObjectResult d = new DescribeSObjectResult();
    d.setName(object.name());
    d.setLabel(object.label());
    d.setLabelPlural(object.label() + "s");
    d.setKeyPrefix(object.keyPrefix());
    d.setCustom(object.custom());
    d.setCreateable(true);
    d.setUpdateable(true);
    d.setDeletable(true);
    d.setQueryable(true);
    d.setRetrieveable(true);
    d.setSearchable(true);
    d.setReplicateable(true);
    d.setUndeletable(true);
    d.setLayoutable(true);
    List<Field> fields = new ArrayList<>();
    for (FieldDef f : object.fields()) {
      Field field = new Field();
      field.setName(f.name());
      field.setLabel(f.label());
      field.setType(fieldType(f.type()));
      field.setSoapType(soapType(f.type()));
      field.setLength(f.length());
      field.setExternalId(f.externalId());
      field.setUnique(f.unique());
      field.setIdLookup(f.externalId() || f.name().equals("Id"));
      field.setNillable(f.nillable());
      field.setCreateable(f.createable());
      field.setUpdateable(f.updateable());
      field.setFilterable(!f.type().equals("textarea") && !f.type().equals("base64"));
      field.setSortable(field.getFilterable());
      field.setCustom(f.custom());
      field.setReferenceTo(
          f.referenceTo().contains("*") ? new String[0] : f.referenceTo().toArray(new String[0]));
      field.setRelationshipName(f.relationshipName());
      field.setPolymorphicForeignKey(f.referenceTo().contains("*"));
      field.setPrecision(f.type().equals("currency") || f.type().equals("double") ? 18 : 0);
      field.setScale(f.type().equals("currency") ? 2 : 0);
      fields.add(field);
    }
    d.setFields(fields.toArray(new Field[0]));
    return "<describeSObjectResponse>"
        + SoapWriter.bean(SoapWriter.PARTNER_NS, "result", d)
        + "</describeSObjectResponse>";
  }

  private static FieldType fieldType(String type) {
    return switch (type) {
      case "boolean" -> FieldType._boolean;
      case "double" -> FieldType._double;
      case "int" -> FieldType._int;
      default -> FieldType.valueOf(type);
    };
  }

  private static SoapType soapType(String type) {
    return switch (type) {
      case "id", "reference" -> SoapType.ID;
      case "boolean" -> SoapType._boolean;
      case "double", "currency", "percent" -> SoapType._double;
      case "int" -> SoapType._int;
      case "date" -> SoapType.date;
      case "datetime" -> SoapType.dateTime;
      case "base64" -> SoapType.base64Binary;
      default -> SoapType.string;
    };
  }
}
