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
 * Plans over relation views and cross-source subqueries fetch only what the answer needs: an
 * unused to-one relation sends nothing, a top-N runs on the origin first, IN and NOT EXISTS
 * subqueries across sources become key-list semi and anti joins; and planning stays fast.
 */
class CrossSourcePlanningTest extends RelationFixtureTest {
  private static List<List<Object>> sameRows(String sql) throws Exception {
    Jointure.clearRequests(jointure, "crm", "shop", "energy");
    List<List<Object>> expected = Jointure.rows(groundTruth, sql);
    assertFalse(expected.isEmpty(), sql);
    assertEquals(expected, Jointure.rows(jointure, sql), sql);
    return expected;
  }

  @Test
  void anUnusedToOneRelationSendsNothing() throws Exception {
    sameRows("SELECT _id, name FROM shop.people_town ORDER BY _id");
    assertEquals(List.of(), Jointure.requests(jointure, "crm"), "towns were not asked for");
    sameRows("SELECT id, name FROM crm.towns_country ORDER BY id");
    List<SourceRequest> crm = Jointure.requests(jointure, "crm");
    assertEquals(1, crm.size());
    assertFalse(crm.get(0).text().contains("countries"), crm.get(0).text());
  }

  @Test
  void topNOverAToOneRelationRunsOnTheOriginFirst() throws Exception {
    sameRows("SELECT _id, name, \"town.name\" FROM shop.people_town ORDER BY _id LIMIT 4");
    List<SourceRequest> shop = Jointure.requests(jointure, "shop");
    assertEquals(1, shop.size());
    assertTrue(shop.get(0).text().endsWith(".limit(4)"), shop.get(0).text());
    assertEquals(4, shop.get(0).rows());
    List<SourceRequest> crm = Jointure.requests(jointure, "crm");
    assertEquals(1, crm.size());
    assertTrue(crm.get(0).rows() <= 4, crm.get(0).toString());
  }

  @Test
  void inAndNotExistsSubqueriesAcrossSources() throws Exception {
    sameRows("SELECT name FROM crm.towns WHERE id IN (SELECT town_id FROM shop.people"
        + " WHERE name LIKE 'P1%') ORDER BY name");
    sameRows("SELECT name FROM crm.towns t WHERE NOT EXISTS (SELECT 1 FROM shop.people p"
        + " WHERE p.town_id = t.id) ORDER BY name");
    sameRows("SELECT p.name FROM shop.people p WHERE EXISTS (SELECT 1 FROM crm.towns t"
        + " WHERE t.id = p.town_id AND t.population > 15000) ORDER BY p.name");
  }

  @Test
  void aSixJoinViewChainPlansQuickly() throws Exception {
    String sql = "SELECT p.name, t.\"country.name\", m.\"mayor.full_name\","
        + " e.\"energyProviders.name\", i.\"inhabitants.name\", c.name"
        + " FROM shop.people_town p"
        + " JOIN crm.towns_country t ON t.id = p.town_id"
        + " JOIN crm.towns_mayor m ON m.id = t.id"
        + " JOIN crm.\"towns_energyProviders\" e ON e.id = t.id"
        + " JOIN crm.towns_inhabitants i ON i.id = t.id"
        + " JOIN crm.countries c ON c.id = t.country_id"
        + " WHERE p._id < 10";
    try (Statement s = jointure.createStatement()) {
      s.executeQuery("EXPLAIN PLAN FOR " + sql).close(); // warm-up: classes and code paths
      for (int i = 0; i < Integer.getInteger("planLoops", 0); i++) {
        s.executeQuery("EXPLAIN PLAN FOR " + sql).close(); // -DplanLoops=N, for a profiler
      }
      double[] millis = new double[5];
      for (int i = 0; i < millis.length; i++) {
        long start = System.nanoTime();
        try (ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + sql)) {
          assertTrue(rs.next());
        }
        millis[i] = (System.nanoTime() - start) / 1e6;
      }
      java.util.Arrays.sort(millis);
      System.out.printf("[figure] planning a query over a chain of six joins (views): median"
          + " %.1f ms of 5 (min %.1f, max %.1f)%n", millis[2], millis[0], millis[4]);
    }
    sameRows(sql + " ORDER BY 1, 2, 3, 4, 5, 6");
  }
}
