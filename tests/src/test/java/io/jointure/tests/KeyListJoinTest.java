package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jointure.adapter.request.SourceRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Joins across sources ask the bigger side only for the smaller side's keys: one
 * {@code = ANY(?)} request to PostgreSQL, one {@code $in} request to MongoDB. Answers still equal
 * the native join in one database, and the probed source sends only the rows the join needs.
 */
class KeyListJoinTest extends RelationFixtureTest {
  /** Runs both ways, checks equal rows, and returns the one request {@code source} received. */
  private static SourceRequest probe(String sql, String source) throws Exception {
    Jointure.clearRequests(jointure, "crm", "shop");
    List<List<Object>> expected = Jointure.rows(groundTruth, sql);
    assertFalse(expected.isEmpty(), sql);
    assertEquals(expected, Jointure.rows(jointure, sql), sql);
    List<SourceRequest> requests = Jointure.requests(jointure, source);
    assertEquals(1, requests.size(), requests.toString());
    return requests.get(0);
  }

  private static long count(String sql) throws Exception {
    return Jointure.rows(groundTruth, sql).size();
  }

  @Test
  void smallPostgresSideProbesMongoDbWithIn() throws Exception {
    SourceRequest r = probe("SELECT t.name, p.name FROM crm.towns t JOIN shop.people p"
        + " ON p.town_id = t.id WHERE t.population < 5000 ORDER BY p._id", "shop");
    assertTrue(r.text().startsWith("db.people.find({\"town_id\": {\"$in\": [1, 2, 3, 4]}}"),
        r.text());
    assertEquals(count("SELECT 1 FROM shop.people WHERE town_id IN (1, 2, 3, 4)"), r.rows());
  }

  @Test
  void smallMongoDbSideProbesPostgresWithAnyArray() throws Exception {
    SourceRequest r = probe("SELECT p.name, t.name FROM shop.people p JOIN crm.towns t"
        + " ON t.id = p.town_id WHERE p._id = 5", "crm");
    assertTrue(r.text().endsWith("= ANY(?)"), r.text());
    assertEquals(List.of(List.of(6)), r.parameters());
    assertEquals(1, r.rows());
  }

  @Test
  void aFilterOnARelatedColumnRunsOnTheRelatedSourceFirst() throws Exception {
    SourceRequest r = probe("SELECT _id, \"town.name\" FROM shop.people_town"
        + " WHERE \"town.name\" = 'Town 3' ORDER BY _id", "shop");
    assertTrue(r.text().contains("{\"town_id\": {\"$in\": [3]}}"), r.text());
    assertEquals(count("SELECT 1 FROM shop.people WHERE town_id = 3"), r.rows());
  }

  @Test
  void leftJoinsKeepDriverRowsWithoutMatches() throws Exception {
    SourceRequest r = probe("SELECT t.id, p._id FROM crm.towns t LEFT JOIN shop.people p"
        + " ON p.town_id = t.id WHERE t.population >= 19000 ORDER BY t.id, p._id", "shop");
    assertTrue(r.text().contains("\"$in\": [19, 20, 21, 22, 23, 24, 25]"), r.text());
  }
}
