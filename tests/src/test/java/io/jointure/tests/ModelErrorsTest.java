package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jointure.model.Model;
import io.jointure.model.ModelLoader;
import io.jointure.model.SqlDatasourceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bad model file fails the connection with a message naming the file, the place and the fix. */
class ModelErrorsTest {
  private static final String GOOD_SOURCE =
      "  crm:\n    type: postgresql\n    url: jdbc:postgresql://127.0.0.1:5432/crm\n";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown type        | version: 1\\ndatasources:\\n  crm:\\n    type: postgress\\n    url: jdbc:postgresql://h/db | datasources.crm.type: unknown type 'postgress' (did you mean 'postgresql'?)
      missing url         | version: 1\\ndatasources:\\n  crm:\\n    type: postgresql                                 | datasources.crm.url: missing; add the JDBC URL
      unknown key         | version: 1\\ndatasources:\\n  crm:\\n    type: postgresql\\n    url: jdbc:postgresql://h/db\\n    pasword: x | datasources.crm.pasword: unknown key 'pasword' (did you mean 'password'?)
      missing version     | datasources:\\n  crm:\\n    type: postgresql\\n    url: jdbc:postgresql://h/db       | version: missing; add `version: 1`
      no datasources      | version: 1                                                                           | datasources: declare at least one datasource
      unset variable      | version: 1\\ndatasources:\\n  crm:\\n    type: postgresql\\n    url: jdbc:postgresql://h/db\\n    password: ${env:JOINTURE_TEST_UNSET} | datasources.crm.password: environment variable JOINTURE_TEST_UNSET is not set
      wrong url scheme    | version: 1\\ndatasources:\\n  crm:\\n    type: postgresql\\n    url: jdbc:mysql://h/db  | datasources.crm.url: a postgresql datasource needs a jdbc:postgresql:// URL
      unquoted number     | version: 1\\ndatasources:\\n  crm:\\n    type: postgresql\\n    url: jdbc:postgresql://h/db\\n    password: 0123 | datasources.crm.password: YAML reads this unquoted value as a number (83); quote it
      duplicate key       | version: 1\\ndatasources:\\n  crm:\\n    type: postgresql\\n    url: jdbc:postgresql://h/db\\n  crm:\\n    type: postgresql | Duplicate field 'crm'
      version 1.9         | version: 1.9\\ndatasources:\\n  crm:\\n    type: postgresql\\n    url: jdbc:postgresql://h/db | version: unsupported version '1.9'
      bad yaml            | version: 1\\ndatasources: [a: b: c                                                  | not valid YAML or JSON at line
      graphql no columns  | version: 1\\ndatasources:\\n  lib:\\n    type: graphql\\n    url: http://127.0.0.1:1/graphql\\n    collections:\\n      books: { orderBy: { argument: orderBy, ascending: [x], descending: [y], columns: [pages] } } | datasources.lib.collections.books.orderBy.ascending: names no column; write {column}
      graphql bad path    | version: 1\\ndatasources:\\n  lib:\\n    type: graphql\\n    url: http://127.0.0.1:1/graphql\\n    collections:\\n      books: { arguments: { author.id: \"filter..authorId\" } } | datasources.lib.collections.books.arguments.author.id: 'filter..authorId' is not an argument's path
      graphql no variable | version: 1\\ndatasources:\\n  crm:\\n    type: postgresql\\n    url: jdbc:postgresql://h/db\\ncollections:\\n  crm.members:\\n    relations:\\n      branch: { type: External, url: http://127.0.0.1:1/graphql, query: \"{ library { name } }\", schema: { name: VARCHAR } } | collections.crm.members.relations.branch.query: declares no variable
      """)
  void badModelsAreExplained(String name, String model, String expected, @TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("model.yaml");
    Files.writeString(file, model.replace("\\n", "\n"));
    SQLException e = assertThrows(SQLException.class,
        () -> DriverManager.getConnection("jdbc:jointure:model=" + file).close());
    assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void missingFileIsNamed() {
    SQLException e = assertThrows(SQLException.class,
        () -> DriverManager.getConnection("jdbc:jointure:model=/no/such/model.yaml").close());
    assertTrue(e.getMessage().contains("/no/such/model.yaml does not exist"), e.getMessage());
  }

  @Test
  void environmentVariablesAndDefaultsAreSubstituted() throws Exception {
    Model model = ModelLoader.withEnvironment(Map.of("CRM_USER", "alice")).parse("test", """
        version: 1
        datasources:
          crm:
            type: postgresql
            url: jdbc:postgresql://${env:CRM_HOST:-localhost}:5432/crm
            user: ${env:CRM_USER}
        collections:
          crm.towns: { relations: {} }
        """);
    SqlDatasourceConfig crm = (SqlDatasourceConfig) model.datasources().get("crm");
    assertEquals("jdbc:postgresql://localhost:5432/crm", crm.url());
    assertEquals("alice", crm.user().orElseThrow());
    assertTrue(model.collections().has("crm.towns"), "collections are kept for later");
  }

  @Test
  void theSeedsMisspeltThoughCollectionIsAccepted() throws Exception {
    Model model = new ModelLoader().parse("test", """
        version: 1
        datasources:
          crm: { type: postgresql, url: "jdbc:postgresql://h:5432/crm" }
        collections:
          crm.towns:
            relations:
              energyProviders: { type: ManyToMany, foreignCollection: crm.plants,
                thoughCollection: crm.contracts, originKey: town_id, foreignKey: plant_id }
        """);
    assertEquals("crm.contracts", model.relations().get(0).throughCollection().orElseThrow());
  }

  @Test
  void jsonModelsWorkToo() throws Exception {
    Model model = new ModelLoader().parse("test.json", """
        {"version": 1, "datasources": {"crm": {"type": "postgresql",
          "url": "jdbc:postgresql://h:5432/crm", "schemas": ["public", "sales"]}}}
        """);
    assertEquals(java.util.List.of("public", "sales"),
        ((SqlDatasourceConfig) model.datasources().get("crm")).schemas());
  }

  @Test
  void secretsStayOutOfToString() throws Exception {
    Model model = new ModelLoader().parse("t", "version: 1\ndatasources:\n" + GOOD_SOURCE
        + "    password: s3cret\n");
    assertTrue(!model.datasources().get("crm").toString().contains("s3cret"));
  }
}
