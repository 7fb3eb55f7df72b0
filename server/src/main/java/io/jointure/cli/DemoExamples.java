package io.jointure.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The demo's example queries over the sample data, each shown with its result and plan. */
final class DemoExamples {
  /** An example: what it shows, its SQL, and whether to print what each source receives. */
  record Example(String title, String sql, boolean explain) {
  }

  static final List<Example> EXAMPLES = List.of(
      new Example("Towns of more than a million people (the filter and sort run in PostgreSQL)",
          "SELECT name, population FROM crm.towns WHERE population > 1000000"
              + " ORDER BY population DESC", true),
      new Example("Inhabitants per country, joining PostgreSQL (crm) and MongoDB (shop)",
          "SELECT c.name AS country, COUNT(p._id) AS inhabitants FROM crm.towns t"
              + " JOIN crm.countries c ON c.id = t.country_id"
              + " JOIN shop.people p ON p.town_id = t.id GROUP BY c.name ORDER BY c.name", true),
      new Example("Declared relations are views: towns with their country and mayor",
          "SELECT t.name, t.\"country.name\" AS country, m.\"mayor.full_name\" AS mayor"
              + " FROM crm.towns_country t JOIN crm.towns_mayor m ON m.id = t.id"
              + " ORDER BY t.name", false),
      new Example("ManyToMany across two PostgreSQL databases: who supplies each town's power",
          "SELECT name AS town, \"energyProviders.name\" AS power_plant,"
              + " \"energyProviders.kind\" AS kind FROM crm.towns_energyProviders"
              + " WHERE \"energyProviders.kind\" = 'nuclear' ORDER BY town, power_plant", true),
      new Example("The seeds' books and authors (PostgreSQL and MongoDB): step 1 finds the"
          + " books, step 2 asks MongoDB for their authors only",
          "SELECT b.title, a.first_name, a.last_name FROM library.books b"
              + " JOIN shop.authors a ON a._id = b.author_id WHERE b.title LIKE 'Found%'"
              + " ORDER BY b.title", true),
      new Example("A computed field as a relation key: customers and their last message",
          "SELECT name, \"lastMessage.text\" AS last_message,"
              + " \"lastMessage.sent_at\" AS sent_at FROM crm.customers_lastMessage"
              + " WHERE id <= 5 ORDER BY id", false),
      new Example("Payments (an HTTP API) per customer (PostgreSQL): the filter on status"
          + " travels as a query parameter",
          "SELECT c.name, COUNT(*) AS payments, SUM(p.amount) AS paid FROM billing.payments p"
              + " JOIN crm.customers c ON c.id = p.customer_id WHERE p.status = 'paid'"
              + " GROUP BY c.name ORDER BY paid DESC LIMIT 5", true),
      new Example("A selective customer lookup: their payments come from the API by one"
          + " list parameter",
          "SELECT c.name, p.amount, p.paid_at FROM crm.customers c JOIN billing.payments p"
              + " ON p.customer_id = c.id WHERE c.name = 'Customer 7' ORDER BY p.paid_at", true),
      new Example("An External relation: each town's honorary citizens, one API call per town",
          "SELECT name AS town, \"honoraryCitizen.firstName\" AS first_name,"
              + " \"honoraryCitizen.lastName\" AS last_name FROM crm.\"towns_honoraryCitizen\""
              + " ORDER BY town, first_name", true),
      new Example("The town libraries' GraphQL API (branches) with towns (PostgreSQL):"
          + " the document selects only the fields read, the format is a variable",
          "SELECT t.name AS town, l.name AS library, COUNT(*) AS ebooks FROM crm.towns t"
              + " JOIN branches.libraries l ON l.\"townId\" = t.id"
              + " JOIN branches.books b ON b.\"libraryId\" = l.id WHERE b.format = 'EBOOK'"
              + " GROUP BY t.name, l.name ORDER BY town, library", true),
      new Example("The thinnest books of the GraphQL API: ORDER BY ... LIMIT is its orderBy"
          + " argument and its page size",
          "SELECT title, pages, \"author.name\" AS author FROM branches.books"
              + " ORDER BY pages LIMIT 3", true),
      new Example("Every declared relation, for SQL-only clients",
          "SELECT name, kind, origin, target, view FROM jointure.relations ORDER BY name", false),
      new Example("PostgreSQL habits: ILIKE, LIMIT/OFFSET, double-quoted names",
          "SELECT \"name\" FROM crm.towns WHERE name ILIKE '%r%' ORDER BY name"
              + " LIMIT 2 OFFSET 1", false));

  private DemoExamples() {
  }

  static void run(Connection connection, PrintWriter out) throws SQLException {
    TableWriter table = new TableWriter(TerminalWidth.detect());
    for (Example example : EXAMPLES) {
      out.println("== " + example.title());
      out.println(example.sql());
      try (Statement s = connection.createStatement();
           ResultSet rows = s.executeQuery(example.sql())) {
        table.write(rows, out);
      }
      if (example.explain()) {
        out.println("-- what each source receives (EXPLAIN PLAN FOR ...):");
        try (Statement s = connection.createStatement();
             ResultSet plan = s.executeQuery("EXPLAIN PLAN FOR " + example.sql())) {
          while (plan.next()) {
            for (String line : plan.getString(1).split("\n")) {
              out.println("   " + line);
            }
          }
        }
      }
      out.println();
      out.flush();
    }
  }
}
