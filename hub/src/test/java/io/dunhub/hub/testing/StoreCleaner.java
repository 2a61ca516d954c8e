package io.dunhub.hub.testing;

import io.dunhub.hub.store.Dialect;
import io.dunhub.hub.store.Store;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Empties every table of a store but Flyway's history, so the schema stays migrated. */
public final class StoreCleaner {
  private StoreCleaner() {}

  public static void wipe(Store store) {
    try (Connection c = store.dataSource().getConnection();
        Statement s = c.createStatement()) {
      List<String> tables = tables(c, store.dialect());
      if (tables.isEmpty()) {
        return;
      }
      if (store.dialect() == Dialect.POSTGRESQL) {
        s.execute("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE");
      } else {
        s.execute("SET DATABASE REFERENTIAL INTEGRITY FALSE");
        for (String table : tables) {
          s.execute("TRUNCATE TABLE " + table + " RESTART IDENTITY AND COMMIT NO CHECK");
        }
        s.execute("SET DATABASE REFERENTIAL INTEGRITY TRUE");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot empty the test store: " + e.getMessage(), e);
    }
  }

  private static List<String> tables(Connection c, Dialect dialect) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    String schema = dialect == Dialect.POSTGRESQL ? "public" : "PUBLIC";
    List<String> tables = new ArrayList<>();
    try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME");
        if (!name.toLowerCase(Locale.ROOT).equals("flyway_schema_history")) {
          tables.add(dialect == Dialect.POSTGRESQL ? "\"" + name + "\"" : name);
        }
      }
    }
    return tables;
  }
}
