package io.jointure.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code jointure demo}: starts a real PostgreSQL and an in-process MongoDB with the sample data,
 * writes a model for them, connects through {@code jdbc:jointure:}, and runs example queries,
 * printing each result and the request every source receives.
 */
public final class Demo {
  private static final String[][] EXAMPLES = {
      {"Towns of more than a million people, biggest first",
          "SELECT name, population FROM crm.towns WHERE population > 1000000"
              + " ORDER BY population DESC"},
      {"Towns per country (the aggregate runs inside PostgreSQL)",
          "SELECT c.name AS country, COUNT(*) AS towns FROM crm.towns t"
              + " JOIN crm.countries c ON c.id = t.country_id GROUP BY c.name ORDER BY c.name"},
      {"People over 80 on the Gran Via (the filter runs inside MongoDB)",
          "SELECT first_name, age, \"address.number\" FROM shop.people"
              + " WHERE age > 80 AND \"address.street\" = 'Gran Via' ORDER BY age DESC LIMIT 5"},
      {"Seniors per town (filter and aggregate run inside MongoDB)",
          "SELECT town_id, COUNT(*) AS seniors, AVG(age) AS average_age FROM shop.people"
              + " WHERE age >= 65 GROUP BY town_id ORDER BY town_id"},
      {"Inhabitants per country, joining PostgreSQL (crm) and MongoDB (shop)",
          "SELECT c.name AS country, COUNT(p._id) AS inhabitants FROM crm.towns t"
              + " JOIN crm.countries c ON c.id = t.country_id"
              + " JOIN shop.people p ON p.town_id = t.id GROUP BY c.name ORDER BY c.name"},
      {"A declared relation as a view: towns with their country and mayor",
          "SELECT t.name, t.\"country.name\" AS country, m.\"mayor.full_name\" AS mayor"
              + " FROM crm.towns_country t JOIN crm.towns_mayor m ON m.id = t.id ORDER BY t.name"},
      {"A relation from MongoDB to PostgreSQL: the oldest people and their town",
          "SELECT first_name, age, \"town.name\" AS town FROM shop.people_town"
              + " WHERE age >= 80 ORDER BY age DESC, first_name LIMIT 5"},
      {"Every declared relation (for SQL-only clients)",
          "SELECT name, kind, origin, target, view FROM jointure.relations ORDER BY name"},
      {"PostgreSQL habits: ILIKE, LIMIT/OFFSET, double-quoted names",
          "SELECT \"name\" FROM crm.towns WHERE name ILIKE '%r%' ORDER BY name LIMIT 2 OFFSET 1"},
  };

  private Demo() {
  }

  public static void main(String[] args) throws Exception {
    System.out.println("Starting an embedded PostgreSQL and an in-process MongoDB...");
    try (EmbeddedPostgres pg = EmbeddedPostgres.start(); EmbeddedMongo mongo = EmbeddedMongo.start()) {
      SampleData.load(pg, mongo);
      Path model = Files.createTempFile("jointure-demo-", ".yaml");
      Files.writeString(model, SampleData.model(pg, mongo));
      String url = "jdbc:jointure:model=" + model;
      System.out.println("PostgreSQL is on port " + pg.port() + ", MongoDB at " + mongo.uri()
          + "; model file " + model);
      System.out.println("Connect with: " + url + "\n");
      try (Connection c = DriverManager.getConnection(url)) {
        for (String[] example : EXAMPLES) {
          System.out.println("== " + example[0]);
          System.out.println(example[1]);
          print(c, example[1]);
          System.out.println("-- what each source receives:");
          try (Statement s = c.createStatement();
               ResultSet plan = s.executeQuery("EXPLAIN PLAN FOR " + example[1])) {
            while (plan.next()) {
              for (String line : plan.getString(1).split("\n")) {
                System.out.println("   " + line);
              }
            }
          }
          System.out.println();
        }
      } finally {
        Files.deleteIfExists(model);
      }
    }
  }

  private static void print(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      List<String[]> rows = new ArrayList<>();
      String[] header = new String[md.getColumnCount()];
      for (int i = 0; i < header.length; i++) {
        header[i] = md.getColumnLabel(i + 1);
      }
      rows.add(header);
      while (rs.next()) {
        String[] row = new String[header.length];
        for (int i = 0; i < row.length; i++) {
          row[i] = String.valueOf(rs.getObject(i + 1));
        }
        rows.add(row);
      }
      int[] widths = new int[header.length];
      for (String[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          widths[i] = Math.max(widths[i], row[i].length());
        }
      }
      for (String[] row : rows) {
        StringBuilder line = new StringBuilder(" ");
        for (int i = 0; i < row.length; i++) {
          line.append(' ').append(String.format("%-" + widths[i] + "s", row[i]));
        }
        System.out.println(line);
      }
    }
  }
}
