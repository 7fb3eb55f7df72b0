package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.jointure.demo.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every PostgreSQL type the foundation promises reads back through Jointure as it was stored. */
@ExtendWith(PostgresExtension.class)
class TypesRoundTripTest {
  /** Column name, PostgreSQL type, and the JDBC type Jointure must report. */
  private static final Object[][] COLUMNS = {
      {"c_int2", "int2", Types.SMALLINT},
      {"c_int4", "int4", Types.INTEGER},
      {"c_int8", "int8", Types.BIGINT},
      {"c_numeric", "numeric(12,3)", Types.DECIMAL},
      {"c_big_numeric", "numeric(30,2)", Types.DECIMAL},
      {"c_real", "real", Types.REAL},
      {"c_double", "double precision", Types.DOUBLE},
      {"c_text", "text", Types.VARCHAR},
      {"c_varchar", "varchar(20)", Types.VARCHAR},
      {"c_char", "char(5)", Types.CHAR},
      {"c_bool", "bool", Types.BOOLEAN},
      {"c_date", "date", Types.DATE},
      {"c_time", "time(3)", Types.TIME},
      {"c_timestamp", "timestamp(3)", Types.TIMESTAMP},
      {"c_timestamptz", "timestamptz(3)", Types.TIMESTAMP}, // as PostgreSQL's own driver reports it
      {"c_uuid", "uuid", Types.OTHER},
      {"c_json", "json", Types.VARCHAR},
      {"c_jsonb", "jsonb", Types.VARCHAR},
      {"c_bytea", "bytea", Types.VARBINARY},
      {"c_int_array", "int4[]", Types.ARRAY},
      {"c_text_array", "text[]", Types.ARRAY},
      {"c_numeric_array", "numeric(6,2)[]", Types.ARRAY},
  };

  private static String model;

  @BeforeAll
  static void createTable(EmbeddedPostgres pg) throws Exception {
    pg.createDatabase("types");
    StringBuilder ddl = new StringBuilder("CREATE TABLE all_types (id int PRIMARY KEY");
    for (Object[] column : COLUMNS) {
      ddl.append(", ").append(column[0]).append(' ').append(column[1]);
    }
    Jointure.execute(pg, "types", ddl + ");" + """
        INSERT INTO all_types VALUES (1, -32768, 2147483647, 9223372036854775807,
          123456789.123, 1234567890123456789012345678.91, 1.5, 2.718281828459045,
          'text with ''quotes'' and ünïcode', 'varchar', 'ab', true, '2024-02-29', '23:59:58.123',
          '2024-02-29 13:14:15.678', '2024-02-29 13:14:15.678+02',
          'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": [1, 2]}', '{"b": {"c": null}}',
          '\\x00ff10', '{1,2,NULL,4}', '{"x","y z",NULL}', '{1.50,2.25}');
        INSERT INTO all_types (id) VALUES (2);
        INSERT INTO all_types VALUES (3, 0, 0, 0, 0, 0, 0, 0, '', '', '', false, '1970-01-01',
          '00:00:00', '1970-01-01 00:00:00', '1970-01-01 00:00:00+00',
          '00000000-0000-0000-0000-000000000000', '[]', '{}', '\\x', '{}', '{}', '{}');
        """);
    model = Jointure.model(pg, "types", "types");
  }

  @Test
  void everyTypeRoundTrips(EmbeddedPostgres pg) throws Exception {
    String columns = "id";
    for (Object[] column : COLUMNS) {
      columns += ", " + column[0];
    }
    String query = "SELECT " + columns + " FROM all_types ORDER BY id";
    List<List<Object>> expected;
    try (Connection c = pg.connect("types")) {
      expected = canonical(c, query);
    }
    try (Connection c = Jointure.connect(model)) {
      assertEquals(expected, canonical(c, query));
    }
  }

  @Test
  void columnsReportTheirSqlTypes() throws Exception {
    try (Connection c = Jointure.connect(model)) {
      DatabaseMetaData md = c.getMetaData();
      Map<String, Integer> jdbcTypes = new LinkedHashMap<>();
      Map<String, String> typeNames = new LinkedHashMap<>();
      try (ResultSet rs = md.getColumns(null, "types", "all_types", null)) {
        while (rs.next()) {
          jdbcTypes.put(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"));
          typeNames.put(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"));
        }
      }
      for (Object[] column : COLUMNS) {
        String name = (String) column[0];
        assertEquals(column[2], jdbcTypes.get(name), "JDBC type of " + name);
        assertNotEquals(Types.JAVA_OBJECT, jdbcTypes.get(name), name);
        assertNotEquals("ANY", typeNames.get(name), name);
      }
      assertEquals("DECIMAL(30, 2)", typeNames.get("c_big_numeric"));
      assertEquals("VARCHAR(20)", typeNames.get("c_varchar"));
    }
  }

  /**
   * Rows as text that both drivers agree on when values are equal: timestamps with time zone as
   * instants, bytes and arrays element by element, numbers without trailing zeros.
   */
  private static List<List<Object>> canonical(Connection c, String query) throws Exception {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          String label = rs.getMetaData().getColumnLabel(i);
          Object value;
          switch (label) {
            case "c_timestamptz" -> value = rs.getTimestamp(i) == null ? null
                : rs.getTimestamp(i).toInstant();
            case "c_date" -> value = rs.getObject(i) == null ? null : rs.getDate(i).toString();
            case "c_time" -> value = rs.getObject(i) == null ? null : rs.getTime(i).toString()
                + "." + rs.getTimestamp(i).getNanos() / 1_000_000;
            case "c_timestamp" -> value = rs.getTimestamp(i);
            case "c_uuid", "c_json", "c_jsonb", "c_char", "c_text", "c_varchar" ->
                value = rs.getString(i);
            case "c_real" -> value = rs.getObject(i) == null ? null : rs.getFloat(i);
            case "c_double" -> value = rs.getObject(i) == null ? null : rs.getDouble(i);
            case "c_bool" -> value = rs.getObject(i) == null ? null : rs.getBoolean(i);
            case "c_bytea" -> value = Jointure.normalize(rs.getBytes(i));
            default -> value = Jointure.normalize(rs.getObject(i));
          }
          row.add(value);
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
