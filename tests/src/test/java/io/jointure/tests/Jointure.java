package io.jointure.tests;

import io.jointure.adapter.DatasourceSchema;
import io.jointure.adapter.request.SourceRequest;
import io.jointure.demo.EmbeddedPostgres;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.jdbc.CalciteConnection;

/** Test helpers: connecting through the Jointure driver, reading rows, and source requests. */
final class Jointure {
  private Jointure() {
  }

  /** A connection through the embedded driver to an inline model. */
  static Connection connect(String modelYaml) throws SQLException {
    Properties info = new Properties();
    info.setProperty("model", "inline:" + modelYaml);
    return DriverManager.getConnection("jdbc:jointure:", info);
  }

  /** A model with one postgresql datasource per (name, database) pair. */
  static String model(EmbeddedPostgres pg, String... namesAndDatabases) {
    StringBuilder yaml = new StringBuilder("version: 1\ndatasources:\n");
    for (int i = 0; i < namesAndDatabases.length; i += 2) {
      yaml.append("  ").append(namesAndDatabases[i]).append(":\n")
          .append("    type: postgresql\n")
          .append("    url: ").append(pg.jdbcUrl(namesAndDatabases[i + 1])).append('\n')
          .append("    user: ").append(EmbeddedPostgres.USER).append('\n');
    }
    return yaml.toString();
  }

  /** Runs statements natively on one database of the test server. */
  static void execute(EmbeddedPostgres pg, String database, String sql) throws SQLException {
    try (Connection c = pg.connect(database); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** All rows of a query, each value normalized so that equal values compare equal. */
  static List<List<Object>> rows(Connection connection, String sql) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rows(rs);
    }
  }

  static List<List<Object>> rows(ResultSet rs) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    int columns = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      List<Object> row = new ArrayList<>(columns);
      for (int i = 1; i <= columns; i++) {
        row.add(normalize(rs.getObject(i)));
      }
      rows.add(row);
    }
    return rows;
  }

  /**
   * Numbers by value (decimals to 10 places: PostgreSQL and Calcite give averages different
   * scales), arrays and bytes as lists; everything else as is.
   */
  static Object normalize(Object value) throws SQLException {
    if (value instanceof BigDecimal d) {
      return d.setScale(Math.min(d.scale(), 10), RoundingMode.HALF_UP).stripTrailingZeros()
          .toPlainString();
    }
    if (value instanceof Double || value instanceof Float) {
      // Sums of floating-point numbers depend on the order they are added in.
      return new BigDecimal(((Number) value).doubleValue()).round(new MathContext(12))
          .stripTrailingZeros().toPlainString();
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return new BigDecimal(value.toString()).toPlainString();
    }
    if (value instanceof Array a) {
      return normalize(a.getArray());
    }
    if (value != null && value.getClass().isArray() && !(value instanceof byte[])
        && value.getClass().getComponentType().isPrimitive()) {
      List<Object> list = new ArrayList<>();
      for (int i = 0; i < java.lang.reflect.Array.getLength(value); i++) {
        list.add(normalize(java.lang.reflect.Array.get(value, i)));
      }
      return list;
    }
    if (value instanceof Object[] items) {
      List<Object> list = new ArrayList<>();
      for (Object item : items) {
        list.add(normalize(item));
      }
      return list;
    }
    if (value instanceof List<?> items) {
      List<Object> list = new ArrayList<>();
      for (Object item : items) {
        list.add(normalize(item));
      }
      return list;
    }
    if (value instanceof byte[] bytes) {
      return Arrays.toString(bytes);
    }
    return value;
  }

  /** An exception's message and its causes' messages, one per line, to check what users read. */
  static String messages(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      text.append(t.getMessage()).append('\n');
    }
    return text.toString();
  }

  /** The native requests a datasource received since the last {@link #clearRequests}. */
  static List<SourceRequest> requests(Connection connection, String datasource)
      throws SQLException {
    return datasourceSchema(connection, datasource).requestLog().requests();
  }

  static void clearRequests(Connection connection, String... datasources) throws SQLException {
    for (String datasource : datasources) {
      datasourceSchema(connection, datasource).requestLog().clear();
    }
  }

  private static DatasourceSchema datasourceSchema(Connection connection, String datasource)
      throws SQLException {
    return connection.unwrap(CalciteConnection.class).getRootSchema().subSchemas()
        .get(datasource).unwrap(DatasourceSchema.class);
  }
}
