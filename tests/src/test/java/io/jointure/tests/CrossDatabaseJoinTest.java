package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Joins across two PostgreSQL databases return exactly what the same join returns when all the
 * tables sit in one database (NULL keys and keys that match nothing included).
 */
class CrossDatabaseJoinTest extends SeedFixtureTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT p.id, p.first_name, t.name FROM shop.people p JOIN crm.towns t ON t.id = p.town_id"
          + " ORDER BY p.id",
      "SELECT p.id, t.name FROM shop.people p LEFT JOIN crm.towns t ON t.id = p.town_id"
          + " ORDER BY p.id",
      "SELECT t.id, p.id FROM crm.towns t LEFT JOIN shop.people p ON p.town_id = t.id"
          + " WHERE t.population < 20000 ORDER BY t.id, p.id",
      "SELECT c.name, COUNT(p.id), AVG(p.age) FROM crm.countries c"
          + " JOIN crm.towns t ON t.country_id = c.id JOIN shop.people p ON p.town_id = t.id"
          + " GROUP BY c.name ORDER BY c.name",
      "SELECT t.name FROM crm.towns t WHERE t.id IN (SELECT town_id FROM shop.people"
          + " WHERE age > 85) ORDER BY t.name",
      "SELECT t.name FROM crm.towns t WHERE NOT EXISTS (SELECT 1 FROM shop.people p"
          + " WHERE p.town_id = t.id AND p.age > 80) ORDER BY t.name",
      "SELECT m.full_name, p.first_name FROM crm.mayors m JOIN shop.people p"
          + " ON p.town_id = m.town_id AND p.age = 30 ORDER BY m.id, p.id",
  })
  void sameAnswerAsOneDatabase(String sql) throws Exception {
    List<List<Object>> expected = Jointure.rows(groundTruth, sql);
    assertFalse(expected.isEmpty(), "the fixture must make this query return rows: " + sql);
    assertEquals(expected, Jointure.rows(jointure, sql));
  }
}
