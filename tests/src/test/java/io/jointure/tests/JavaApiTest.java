package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jointure.demo.EmbeddedPostgres;
import io.jointure.jdbc.JointureDriver;
import io.jointure.model.Model;
import io.jointure.model.ModelBuilder;
import io.jointure.model.ModelException;
import io.jointure.model.RelationOptions;
import io.jointure.model.Row;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Relations and computed fields declared in Java, in the seeds' style, act as the model file's. */
@ExtendWith({PostgresExtension.class, MongoExtension.class})
class JavaApiTest {
  @Test
  void relationsDeclaredInJavaAnswerAsTheModelFilesDo(EmbeddedPostgres pg,
      MongoExtension.TestMongo mongo) throws Exception {
    RelationFixture.load(pg, mongo);
    Model model = ModelBuilder.fromYaml("java model", RelationFixture.datasources(pg, mongo))
        .customizeCollection("crm.towns", towns -> towns
            .addManyToOneRelation("country", "crm.countries",
                RelationOptions.foreignKey("country_id"))
            .addManyToManyRelation("energyProviders", "energy.power_plants",
                "crm.utility_contracts",
                RelationOptions.originKey("town_id").withForeignKey("power_plant_id")))
        .customizeCollection("crm.customers", customers -> customers
            .addField("lastMessageId", "INTEGER",
                "(SELECT MAX(m._id) FROM shop.messages m WHERE m.customer_id = customers.id)")
            .addManyToOneRelation("lastMessage", "shop.messages",
                RelationOptions.foreignKey("lastMessageId")))
        .build();
    try (Connection java = JointureDriver.connect(model, null);
         Connection yaml = Jointure.connect(RelationFixture.model(pg, mongo))) {
      for (String sql : new String[] {
          "SELECT * FROM crm.towns_country ORDER BY id",
          "SELECT * FROM crm.\"towns_energyProviders\" ORDER BY id, \"energyProviders.id\"",
          "SELECT * FROM crm.\"customers_lastMessage\" ORDER BY id"}) {
        assertEquals(Jointure.rows(yaml, sql), Jointure.rows(java, sql), sql);
      }
    }
  }

  @Test
  void javaComputedFieldsAreCalledOncePerBatchWithoutDuplicates(EmbeddedPostgres pg,
      MongoExtension.TestMongo mongo) throws Exception {
    RelationFixture.load(pg, mongo);
    List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    Model model = ModelBuilder.fromYaml("java model", RelationFixture.datasources(pg, mongo))
        .customizeCollection("crm.towns", towns -> towns
            .addField("populationK", "INTEGER", "towns.population / 1000")
            .addField("countryLabel", "VARCHAR", List.of("country_id"), rows -> {
              batchSizes.add(rows.size());
              List<Object> labels = new ArrayList<>();
              for (Row row : rows) {
                Object country = row.get("country_id");
                labels.add(country == null ? null : "C" + country);
              }
              return labels;
            }))
        .build();
    try (Connection java = JointureDriver.connect(model, null);
         Connection native_ = pg.connect("rl_all")) {
      assertEquals(
          Jointure.rows(native_, "SELECT id, 'C' || country_id FROM crm.towns ORDER BY id"),
          Jointure.rows(java, "SELECT id, \"countryLabel\" FROM crm.towns ORDER BY id"));
      int distinctKeys = Jointure.rows(native_,
          "SELECT DISTINCT country_id FROM crm.towns").size();
      assertEquals(List.of(distinctKeys), batchSizes, "one call, distinct keys only");
      batchSizes.clear();
      assertEquals(List.of(List.of("3", "C1")),
          Jointure.rows(java, "SELECT id, \"countryLabel\" FROM crm.towns WHERE id = 3"));
      assertEquals(List.of(1), batchSizes, "the filter runs before the function");
      batchSizes.clear();
      assertEquals(25, Jointure.rows(java, "SELECT id FROM crm.towns").size());
      assertEquals(List.of(), batchSizes, "an unread field is not computed");
    }
  }

  @Test
  void javaDeclarationsAreValidatedLikeTheModelFile() {
    ModelException e = assertThrows(ModelException.class, () -> ModelBuilder.fromYaml("java model",
            "version: 1\ndatasources:\n  crm: { type: postgresql, url: 'jdbc:postgresql://h/d' }\n")
        .customizeCollection("crm.towns", towns -> towns
            .addManyToOneRelation("country", "crm.countries", RelationOptions.none()))
        .build());
    assertTrue(e.getMessage().startsWith("java model: collections.crm.towns.relations.country"
        + ".foreignKey: missing"), e.getMessage());
  }
}
