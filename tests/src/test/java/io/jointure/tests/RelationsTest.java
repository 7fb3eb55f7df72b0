package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jointure.adapter.request.SourceRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every relation kind, across PostgreSQL databases and MongoDB in both directions, answers as
 * the same join written natively in one PostgreSQL database: the views themselves, and queries
 * that filter, sort, group, count and limit over them.
 */
class RelationsTest extends RelationFixtureTest {
  @Test
  void aFilterOnTheOriginKeyAlsoFiltersTheRelatedCollection() throws Exception {
    String sql = "SELECT * FROM crm.towns_inhabitants WHERE id = 3 ORDER BY \"inhabitants._id\"";
    Jointure.clearRequests(jointure, "shop");
    assertEquals(Jointure.rows(groundTruth, sql), Jointure.rows(jointure, sql));
    List<SourceRequest> requests = Jointure.requests(jointure, "shop");
    assertEquals(1, requests.size(), requests.toString());
    // Only town 3's people leave MongoDB (by a key list, or the filter carried over the join).
    long inTown3 = Jointure.rows(groundTruth, "SELECT 1 FROM shop.people WHERE town_id = 3")
        .size();
    assertEquals(inTown3, requests.get(0).rows(), requests.get(0).toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT * FROM crm.towns_country ORDER BY id",
      "SELECT * FROM crm.towns_mayor ORDER BY id",
      "SELECT * FROM crm.towns_inhabitants ORDER BY id, \"inhabitants._id\" NULLS FIRST",
      "SELECT * FROM crm.\"towns_energyProviders\" ORDER BY id, \"energyProviders.id\" NULLS FIRST",
      "SELECT * FROM shop.people_town ORDER BY _id",
      "SELECT * FROM shop.\"people_townByCode\" ORDER BY _id",
      // filters on origin and on related columns
      "SELECT name, \"country.name\" FROM crm.towns_country WHERE \"country.name\" = 'France'"
          + " AND population > 5000 ORDER BY id",
      "SELECT _id, \"town.name\" FROM shop.people_town WHERE \"town.population\" < 10000"
          + " ORDER BY _id",
      "SELECT id FROM crm.towns_mayor WHERE \"mayor.id\" IS NULL ORDER BY id",
      // ORDER BY and GROUP BY a related column
      "SELECT id, \"country.name\" FROM crm.towns_country ORDER BY \"country.name\" NULLS FIRST,"
          + " id",
      "SELECT \"country.name\", COUNT(*), SUM(population) FROM crm.towns_country"
          + " GROUP BY \"country.name\" ORDER BY 1 NULLS FIRST",
      "SELECT \"town.country_id\", COUNT(*) FROM shop.people_town GROUP BY \"town.country_id\""
          + " ORDER BY 1 NULLS FIRST",
      // counting to-many rows
      "SELECT id, COUNT(\"inhabitants._id\") FROM crm.towns_inhabitants GROUP BY id ORDER BY id",
      "SELECT id, COUNT(\"energyProviders.id\"), MAX(\"energyProviders.capacity\")"
          + " FROM crm.\"towns_energyProviders\" GROUP BY id ORDER BY id",
      // a computed field, and a relation keyed on it (the seeds' lastMessage)
      "SELECT id, name, \"lastMessageId\" FROM crm.customers ORDER BY id",
      "SELECT * FROM crm.customers WHERE \"lastMessageId\" > 45 ORDER BY id",
      "SELECT * FROM crm.\"customers_lastMessage\" ORDER BY id",
      "SELECT name, \"lastMessage.text\" FROM crm.\"customers_lastMessage\""
          + " WHERE \"lastMessage.text\" LIKE 'message 4%' ORDER BY id",
      // LIMIT, and views joined further
      "SELECT id, name, \"mayor.full_name\" FROM crm.towns_mayor ORDER BY id LIMIT 5",
      "SELECT p.name, p.\"town.name\", c.name FROM shop.people_town p JOIN crm.countries c"
          + " ON c.id = p.\"town.country_id\" ORDER BY p._id",
  })
  void sameAnswerAsTheNativeJoin(String sql) throws Exception {
    List<List<Object>> expected = Jointure.rows(groundTruth, sql);
    assertFalse(expected.isEmpty(), "the fixture must give this query rows: " + sql);
    assertEquals(expected, Jointure.rows(jointure, sql), sql);
  }
}
