package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jointure.adapter.request.SourceRequest;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No join reads a source again for each row of the other side: a join written as an OR of
 * conjunctions that share the join equality (TPC-H q19's shape) runs as an equi-join on that key,
 * each source read once with its own part of the OR pushed to it; a join with no equality at all
 * reads its inner source once.
 */
class DisjunctiveJoinTest extends SeedFixtureTest {
  private static final String Q19 = "SELECT count(*), sum(p.age) FROM crm.towns t, shop.people p"
      + " WHERE (p.town_id = t.id AND t.country_id = 1 AND p.age BETWEEN 10 AND 30)"
      + " OR (p.town_id = t.id AND t.country_id = 2 AND p.age BETWEEN 40 AND 60)"
      + " OR (t.id = p.town_id AND t.population > 90000 AND p.age > 80)";

  @Test
  void isAnEquiJoinReadingEachSourceOnce() throws Exception {
    String plan;
    try (Statement s = jointure.createStatement();
         ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + Q19)) {
      rs.next();
      plan = rs.getString(1);
    }
    assertFalse(plan.contains("NestedLoopJoin"), plan);
    Jointure.clearRequests(jointure, "crm", "shop");
    assertEquals(Jointure.rows(groundTruth, Q19), Jointure.rows(jointure, Q19));
    List<SourceRequest> towns = Jointure.requests(jointure, "crm");
    List<SourceRequest> people = Jointure.requests(jointure, "shop");
    assertEquals(1, towns.size(), towns::toString);
    assertEquals(1, people.size(), people::toString);
    // Each source filters by its part of every branch of the OR.
    assertTrue(people.get(0).text().contains("\"age\""), people.get(0).text());
    assertTrue(towns.get(0).text().contains("\"country_id\""), towns.get(0).text());
  }

  /**
   * A join on no equality (a theta join across sources) is a nested loop; its inner source is
   * read once, not once per row of the outer one.
   */
  @Test
  void aNestedLoopReadsItsInnerSourceOnce() throws Exception {
    String sql = "SELECT count(*) FROM crm.towns t, shop.people p"
        + " WHERE t.population * p.age > 9000000 AND t.id <= 40 AND p.id <= 200";
    Jointure.clearRequests(jointure, "crm", "shop");
    assertEquals(Jointure.rows(groundTruth, sql), Jointure.rows(jointure, sql));
    List<SourceRequest> towns = Jointure.requests(jointure, "crm");
    List<SourceRequest> people = Jointure.requests(jointure, "shop");
    assertEquals(1, towns.size(), towns::toString);
    assertEquals(1, people.size(), people::toString);
  }
}
