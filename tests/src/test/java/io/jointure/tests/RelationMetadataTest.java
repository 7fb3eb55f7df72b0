package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jointure.demo.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Declared relations reach BI tools as views, as foreign keys in {@code DatabaseMetaData} (a
 * ManyToMany as two keys of its through table), and as rows of {@code jointure.relations}.
 */
@ExtendWith({PostgresExtension.class, MongoExtension.class})
class RelationMetadataTest {
  private static Connection jointure;

  @BeforeAll
  static void connect(EmbeddedPostgres pg, MongoExtension.TestMongo mongo) throws Exception {
    RelationFixture.load(pg, mongo);
    jointure = Jointure.connect(RelationFixture.model(pg, mongo));
  }

  @AfterAll
  static void close() throws Exception {
    jointure.close();
  }

  /** FK rows as "fkSchema.fkTable.fkColumn -> pkSchema.pkTable.pkColumn name", sorted. */
  private static List<String> keys(ResultSet rs) throws Exception {
    List<String> keys = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        keys.add(rs.getString("FKTABLE_SCHEM") + "." + rs.getString("FKTABLE_NAME") + "."
            + rs.getString("FKCOLUMN_NAME") + " -> " + rs.getString("PKTABLE_SCHEM") + "."
            + rs.getString("PKTABLE_NAME") + "." + rs.getString("PKCOLUMN_NAME") + " "
            + rs.getString("FK_NAME"));
      }
    }
    keys.sort(null);
    return keys;
  }

  @Test
  void declaredRelationsAreForeignKeys() throws Exception {
    DatabaseMetaData md = jointure.getMetaData();
    assertEquals(List.of("crm.towns.country_id -> crm.countries.id jointure_country"),
        keys(md.getImportedKeys(null, "crm", "towns")));
    assertEquals(List.of(
            "crm.mayors.town_id -> crm.towns.id jointure_mayor",
            "crm.utility_contracts.town_id -> crm.towns.id jointure_energyProviders_origin",
            "shop.people.town_id -> crm.towns.code jointure_townByCode",
            // towns.inhabitants (OneToMany) and people.town (ManyToOne) are one foreign key
            "shop.people.town_id -> crm.towns.id jointure_inhabitants"),
        keys(md.getExportedKeys(null, "crm", "towns")));
    assertEquals(List.of(
            "crm.utility_contracts.power_plant_id -> energy.power_plants.id"
                + " jointure_energyProviders_target",
            "crm.utility_contracts.town_id -> crm.towns.id jointure_energyProviders_origin"),
        keys(md.getImportedKeys(null, "crm", "utility_contracts")));
    assertEquals(List.of("shop.people.town_id -> crm.towns.id jointure_inhabitants"),
        keys(md.getCrossReference(null, "crm", "towns", null, "shop", "people")).stream()
            .filter(k -> k.contains(".id ")).toList());
  }

  @Test
  void mongoCollectionsHaveTheirIdAsPrimaryKey() throws Exception {
    try (ResultSet rs = jointure.getMetaData().getPrimaryKeys(null, "shop", "people")) {
      assertTrue(rs.next());
      assertEquals(Arrays.asList("people", "_id", "_id_"), Arrays.asList(
          rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME"), rs.getString("PK_NAME")));
    }
  }

  @Test
  void viewsAreListedAsViews() throws Exception {
    List<String> views = new ArrayList<>();
    try (ResultSet rs = jointure.getMetaData().getTables(null, null, "%", new String[] {"VIEW"})) {
      while (rs.next()) {
        views.add(rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME"));
      }
    }
    views.sort(null);
    assertEquals(List.of("crm.customers_lastMessage", "crm.towns_country",
        "crm.towns_energyProviders",
        "crm.towns_inhabitants", "crm.towns_mayor", "shop.people_town",
        "shop.people_townByCode"), views);
  }

  @Test
  void theSystemTableListsEveryRelation() throws Exception {
    assertEquals(List.of(
            Arrays.asList("country", "ManyToOne", "crm.towns", "crm.countries", null, null, null,
                "country_id", "id", "crm.towns_country"),
            Arrays.asList("energyProviders", "ManyToMany", "crm.towns", "energy.power_plants",
                "crm.utility_contracts", "town_id", "id", "power_plant_id", "id",
                "crm.towns_energyProviders"),
            Arrays.asList("inhabitants", "OneToMany", "crm.towns", "shop.people", null, "town_id",
                "id", null, null, "crm.towns_inhabitants"),
            Arrays.asList("lastMessage", "ManyToOne", "crm.customers", "shop.messages", null, null,
                null, "lastMessageId", "_id", "crm.customers_lastMessage"),
            Arrays.asList("mayor", "OneToOne", "crm.towns", "crm.mayors", null, "town_id", "id",
                null, null, "crm.towns_mayor"),
            Arrays.asList("town", "ManyToOne", "shop.people", "crm.towns", null, null, null,
                "town_id", "id", "shop.people_town"),
            Arrays.asList("townByCode", "ManyToOne", "shop.people", "crm.towns", null, null, null,
                "town_id", "code", "shop.people_townByCode")),
        Jointure.rows(jointure, "SELECT * FROM jointure.relations ORDER BY name"));
  }

  @Test
  void computedFieldsAreColumnsAndTheirCollectionStaysUnlisted() throws Exception {
    List<String> columns = new ArrayList<>();
    try (ResultSet rs = jointure.getMetaData().getColumns(null, "crm", "customers", null)) {
      while (rs.next()) {
        columns.add(rs.getString("COLUMN_NAME"));
      }
    }
    assertEquals(List.of("id", "name", "lastMessageId"), columns);
    try (ResultSet rs = jointure.getMetaData().getTables(null, "crm", "%", null)) {
      while (rs.next()) {
        assertTrue(!rs.getString("TABLE_NAME").contains("$"), rs.getString("TABLE_NAME"));
      }
    }
    assertEquals(List.of("crm.customers.lastMessageId -> shop.messages._id jointure_lastMessage"),
        keys(jointure.getMetaData().getImportedKeys(null, "crm", "customers")));
  }
}
