package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jointure.demo.EmbeddedPostgres;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A declared relation that does not fit the sources fails the connection with its path and fix. */
@ExtendWith({PostgresExtension.class, MongoExtension.class})
class RelationErrorsTest {
  private static String datasources;

  @BeforeAll
  static void load(EmbeddedPostgres pg, MongoExtension.TestMongo mongo) throws Exception {
    RelationFixture.load(pg, mongo);
    datasources = RelationFixture.datasources(pg, mongo);
  }

  @Test
  void computedFieldsThatDoNotCompileAreNamed() {
    String model = datasources + """
        collections:
          crm.customers:
            fields:
              lastMessageId: { type: INTEGER, sql: "(SELECT MAX(m._id) FROM shop.mesages m)" }
        """;
    SQLException e = assertThrows(SQLException.class, () -> Jointure.connect(model).close());
    assertTrue(e.getMessage().startsWith("inline model: collections.crm.customers.fields"
        + ".lastMessageId.sql: the expression does not compile:"), e.getMessage());
    assertTrue(e.getMessage().toLowerCase().contains(
        "relation \"shop.mesages\" does not exist"), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean \"shop.messages\"?"), e.getMessage());
    assertEquals("F0000", e.getSQLState(), "a model mistake: PostgreSQL's config_file_error");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown collection   | country: { type: ManyToOne, foreignCollection: crm.countrys, foreignKey: country_id } | collections.crm.towns.relations.country.foreignCollection: unknown collection 'crm.countrys' (did you mean 'countries'?)
      unknown column       | country: { type: ManyToOne, foreignCollection: crm.countries, foreignKey: countryid } | collections.crm.towns.relations.country.foreignKey: unknown column 'countryid' in crm.towns (did you mean 'country_id'?)
      not a unique target  | country: { type: ManyToOne, foreignCollection: crm.countries, foreignKey: country_id, foreignKeyTarget: name } | foreignKeyTarget: name is not a primary or unique key of crm.countries
      different key types  | byName: { type: ManyToOne, foreignCollection: crm.countries, foreignKey: name } | keys of different types: crm.towns.name (VARCHAR) and crm.countries.id (INTEGER); add `compareAs: VARCHAR`
      missing key          | country: { type: ManyToOne, foreignCollection: crm.countries } | collections.crm.towns.relations.country.foreignKey: missing; add the origin's column
      wrong key for kind   | mayor: { type: OneToOne, foreignCollection: crm.mayors, foreignKey: town_id } | collections.crm.towns.relations.mayor.originKey: missing
      unknown kind         | country: { type: ManyToOnes, foreignCollection: crm.countries, foreignKey: country_id } | unknown relation type 'ManyToOnes' (did you mean 'ManyToOne'?)
      view name taken      | country: { type: ManyToOne, foreignCollection: crm.countries, foreignKey: country_id, view: mayors } | collections.crm.towns.relations.country.view: the view name 'mayors' is already taken in schema crm
      non-unique one-to-one | contract: { type: OneToOne, foreignCollection: crm.utility_contracts, originKey: town_id } | collections.crm.towns.relations.contract.originKey: town_id is not unique in crm.utility_contracts
      option of other kind | country: { type: ManyToOne, foreignCollection: crm.countries, foreignKey: country_id, originKeyTarget: id } | collections.crm.towns.relations.country.originKeyTarget: not allowed here
      array compareAs      | country: { type: ManyToOne, foreignCollection: crm.countries, foreignKey: country_id, compareAs: INTEGER ARRAY } | compareAs: keys compare as single values
      unknown datasource   | country: { type: ManyToOne, foreignCollection: billing.countries, foreignKey: country_id } | collections.crm.towns.relations.country.foreignCollection: unknown datasource 'billing'
      """)
  void badRelationsAreExplained(String name, String relation, String expected) {
    String model = datasources + "collections:\n  crm.towns:\n    relations:\n      " + relation
        + "\n";
    SQLException e = assertThrows(SQLException.class, () -> Jointure.connect(model).close());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(e.getMessage().startsWith("inline model: "), e.getMessage());
  }
}
