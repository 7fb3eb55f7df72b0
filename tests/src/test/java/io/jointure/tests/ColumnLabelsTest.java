package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Select items written without {@code AS} are labelled as PostgreSQL labels them (BI tools name
 * fields after the labels, and clients show them as headers): compared with the labels
 * PostgreSQL itself gives the same statement.
 */
class ColumnLabelsTest extends SeedFixtureTest {
  private static List<String> labels(Connection connection, String sql) throws Exception {
    try (Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> labels = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        labels.add(md.getColumnLabel(i));
      }
      return labels;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT count(*), sum(population), max(name), min(t.founded) FROM crm.towns t",
      "SELECT date_trunc('month', founded), upper(name), coalesce(population, 0), id"
          + " FROM crm.towns ORDER BY id LIMIT 3",
      "SELECT CAST(id AS bigint), id::text, population::numeric, '7'::int, CAST(1.5 AS real),"
          + " 1 + 1, 'x', upper(name)::text FROM crm.towns ORDER BY 1 LIMIT 2",
      "SELECT CASE WHEN population > 1000 THEN 'big' ELSE 'small' END, t.name,"
          + " count(*) FILTER (WHERE population > 0) FROM crm.towns t GROUP BY 1, 2 ORDER BY 2"
          + " LIMIT 2",
      "SELECT CASE WHEN population > 1000 THEN 'big' ELSE 'small' END AS c, t.name,"
          + " count(*) FROM crm.towns t GROUP BY 1, 2 ORDER BY 2 LIMIT 2",
      "SELECT name, rank() OVER (ORDER BY population), length(name) AS len FROM crm.towns"
          + " ORDER BY 1 LIMIT 2"})
  void unnamedItemsAreLabelledAsPostgresLabelsThem(String sql) throws Exception {
    assertEquals(labels(groundTruth, sql), labels(jointure, sql), sql);
  }
}
