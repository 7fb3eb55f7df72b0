package io.jointure.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The seeds' example domain split over two PostgreSQL databases: {@code crm} holds countries,
 * towns and mayors; {@code shop} holds the people who live in the towns.
 */
public final class SampleData {
  private SampleData() {
  }

  public static void load(EmbeddedPostgres pg) throws SQLException {
    pg.createDatabase("crm");
    pg.createDatabase("shop");
    try (Connection c = pg.connect("crm"); Statement s = c.createStatement()) {
      s.execute("""
          CREATE TABLE countries (id int PRIMARY KEY, name text NOT NULL UNIQUE, code char(2));
          CREATE TABLE towns (id int PRIMARY KEY, name text NOT NULL,
            country_id int REFERENCES countries(id), population int);
          CREATE TABLE mayors (id int PRIMARY KEY, town_id int UNIQUE REFERENCES towns(id),
            full_name text NOT NULL, elected_on date);
          INSERT INTO countries VALUES (1, 'France', 'FR'), (2, 'Spain', 'ES'), (3, 'Italy', 'IT');
          INSERT INTO towns VALUES (1, 'Paris', 1, 2102650), (2, 'Lyon', 1, 522250),
            (3, 'Madrid', 2, 3332035), (4, 'Sevilla', 2, 681998), (5, 'Roma', 3, 2748109),
            (6, 'Nowhere', NULL, 12);
          INSERT INTO mayors VALUES (1, 1, 'Anne Hidalgo', '2014-04-05'),
            (2, 3, 'José Luis Martínez-Almeida', '2019-06-15'), (3, 5, 'Roberto Gualtieri', '2021-10-21');
          ANALYZE;
          """);
    }
    try (Connection c = pg.connect("shop"); Statement s = c.createStatement()) {
      s.execute("""
          CREATE TABLE people (id bigint PRIMARY KEY, first_name text, last_name text,
            town_id int, born_on date);
          INSERT INTO people
            SELECT g, 'First' || g, 'Last' || g, 1 + g % 6, DATE '1950-01-01' + g * 37
            FROM generate_series(1, 600) g;
          ANALYZE;
          """);
    }
  }

  /** A model file naming both databases of {@code pg}. */
  public static String model(EmbeddedPostgres pg) {
    return """
        version: 1
        datasources:
          crm:
            type: postgresql
            url: %s
            user: %s
          shop:
            type: postgresql
            url: %s
            user: %s
        """.formatted(pg.jdbcUrl("crm"), EmbeddedPostgres.USER, pg.jdbcUrl("shop"),
        EmbeddedPostgres.USER);
  }
}
