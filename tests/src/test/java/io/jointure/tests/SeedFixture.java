package io.jointure.tests;

import io.jointure.demo.EmbeddedPostgres;
import java.sql.SQLException;

/**
 * The seeds' towns domain, split across two databases ({@code fx_crm}: countries, towns, mayors;
 * {@code fx_shop}: people) and also whole in a third ({@code fx_all}), the ground truth that
 * answers the same SQL natively. Rows include NULL keys and keys that match nothing.
 */
final class SeedFixture {
  private static final String CRM = """
      CREATE TABLE countries (id int PRIMARY KEY, name text NOT NULL UNIQUE, code char(2));
      CREATE TABLE towns (id int PRIMARY KEY, name text NOT NULL,
        country_id int REFERENCES countries(id), population int, founded date);
      CREATE TABLE mayors (id int PRIMARY KEY, town_id int UNIQUE REFERENCES towns(id),
        full_name text NOT NULL);
      INSERT INTO countries VALUES (1, 'France', 'FR'), (2, 'Spain', 'ES'), (3, 'Italy', 'IT'),
        (4, 'O''Brien Land', 'OB');
      INSERT INTO towns
        SELECT g, 'Town ' || g, CASE WHEN g % 10 = 0 THEN NULL ELSE 1 + g % 3 END,
               (g * 7919) % 100000, DATE '1000-01-01' + g * 11
        FROM generate_series(1, 300) g;
      INSERT INTO mayors SELECT g, g * 2, 'Mayor ' || g FROM generate_series(1, 100) g;
      """;
  private static final String SHOP = """
      CREATE TABLE people (id bigint PRIMARY KEY, first_name text, town_id int, age int);
      INSERT INTO people
        SELECT g, 'Person ' || g, CASE WHEN g % 17 = 0 THEN NULL ELSE g % 320 END, g % 90
        FROM generate_series(1, 3000) g;
      """;

  private static boolean loaded;

  private SeedFixture() {
  }

  static synchronized void load(EmbeddedPostgres pg) throws SQLException {
    if (loaded) {
      return;
    }
    pg.createDatabase("fx_crm");
    pg.createDatabase("fx_shop");
    pg.createDatabase("fx_all");
    Jointure.execute(pg, "fx_crm", CRM + "ANALYZE;");
    Jointure.execute(pg, "fx_shop", SHOP + "ANALYZE;");
    Jointure.execute(pg, "fx_all", "CREATE SCHEMA crm; CREATE SCHEMA shop;"
        + "SET search_path = crm;" + CRM + "SET search_path = shop;" + SHOP + "ANALYZE;");
    loaded = true;
  }

  /** The model naming the split databases as datasources {@code crm} and {@code shop}. */
  static String model(EmbeddedPostgres pg) {
    return Jointure.model(pg, "crm", "fx_crm", "shop", "fx_shop");
  }
}
