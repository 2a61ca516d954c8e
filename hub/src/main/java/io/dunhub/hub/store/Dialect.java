package io.dunhub.hub.store;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The few SQL spellings the embedded HSQLDB and PostgreSQL do not share. Everything else, the
 * migrations included, is portable SQL. Statements use JDBI named parameters ({@code :column}).
 */
public enum Dialect {
  /** The embedded store. */
  HSQLDB {
    @Override
    public String upsert(String table, List<String> keys, List<String> columns) {
      return merge(table, keys, columns, true);
    }

    @Override
    public String insertIfAbsent(String table, List<String> keys, List<String> columns) {
      return merge(table, keys, columns, false);
    }

    @Override
    public String skipLocked() {
      // HSQLDB's MVCC has no row locks to skip; claims stay conditional UPDATEs whose row count
      // decides, which is correct on every database.
      return "";
    }

    @Override
    public String nextValue(String sequence) {
      return "NEXT VALUE FOR " + sequence;
    }
  },

  /** The production store. */
  POSTGRESQL {
    @Override
    public String upsert(String table, List<String> keys, List<String> columns) {
      List<String> updates = columns.stream().filter(c -> !keys.contains(c)).toList();
      return insert(table, columns)
          + " ON CONFLICT ("
          + String.join(", ", keys)
          + ") DO "
          + (updates.isEmpty()
              ? "NOTHING"
              : "UPDATE SET "
                  + updates.stream()
                      .map(c -> c + " = EXCLUDED." + c)
                      .collect(Collectors.joining(", ")));
    }

    @Override
    public String insertIfAbsent(String table, List<String> keys, List<String> columns) {
      return insert(table, columns) + " ON CONFLICT (" + String.join(", ", keys) + ") DO NOTHING";
    }

    @Override
    public String skipLocked() {
      return " FOR UPDATE SKIP LOCKED";
    }

    @Override
    public String nextValue(String sequence) {
      return "nextval('" + sequence + "')";
    }
  };

  /**
   * Inserts a row, or updates its non-key columns when a row with the same keys exists. {@code
   * columns} includes the keys; each is bound by its own name.
   */
  public abstract String upsert(String table, List<String> keys, List<String> columns);

  /** Inserts a row unless one with the same keys exists. */
  public abstract String insertIfAbsent(String table, List<String> keys, List<String> columns);

  /**
   * The clause that makes a {@code SELECT ... FOR UPDATE} skip rows another transaction holds (on
   * PostgreSQL); empty where the database has no such clause.
   */
  public abstract String skipLocked();

  /** The expression that takes the next value of a sequence. */
  public abstract String nextValue(String sequence);

  /** The dialect of the database behind a connection (by its product name). */
  public static Dialect of(java.sql.Connection connection) {
    try {
      String product = connection.getMetaData().getDatabaseProductName();
      return product.toLowerCase(java.util.Locale.ROOT).contains("postgres") ? POSTGRESQL : HSQLDB;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot tell the store's database: " + e.getMessage(), e);
    }
  }

  /**
   * Inserts a row; a row with the same key fails the statement (and so its transaction). Each
   * column is bound by its own name.
   */
  public static String insert(String table, List<String> columns) {
    return "INSERT INTO "
        + table
        + " ("
        + String.join(", ", columns)
        + ") VALUES ("
        + columns.stream().map(c -> ":" + c).collect(Collectors.joining(", "))
        + ")";
  }

  private static String merge(
      String table, List<String> keys, List<String> columns, boolean update) {
    // Parameters sit in the WHEN clauses, where HSQLDB types them from the target columns.
    String on = keys.stream().map(k -> "t." + k + " = :" + k).collect(Collectors.joining(" AND "));
    List<String> updates = columns.stream().filter(c -> !keys.contains(c)).toList();
    StringBuilder sql =
        new StringBuilder("MERGE INTO ")
            .append(table)
            .append(" t USING (VALUES (0)) AS one (x) ON ")
            .append(on);
    if (update && !updates.isEmpty()) {
      sql.append(" WHEN MATCHED THEN UPDATE SET ")
          .append(
              updates.stream().map(c -> "t." + c + " = :" + c).collect(Collectors.joining(", ")));
    }
    sql.append(" WHEN NOT MATCHED THEN INSERT (")
        .append(String.join(", ", columns))
        .append(") VALUES (")
        .append(columns.stream().map(c -> ":" + c).collect(Collectors.joining(", ")))
        .append(")");
    return sql.toString();
  }
}
