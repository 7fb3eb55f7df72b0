package io.jointure.demo.graphql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * The library API's data as PostgreSQL tables {@code lib.books} and {@code lib.libraries}, named
 * and typed as Jointure shows the API's tables: the ground truth its answers are compared with,
 * and the native baseline of benchmarks.
 */
public final class LibraryTables {
  private LibraryTables() {
  }

  /** Creates schema {@code lib} and its two tables, and fills them. */
  public static void create(Connection c, LibraryApi.Data data) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("""
          CREATE SCHEMA lib;
          CREATE TABLE lib.books (id text PRIMARY KEY, title text NOT NULL,
            "libraryId" text NOT NULL, format text, pages int, price double precision,
            available boolean NOT NULL, "author.id" text, "author.name" text,
            published timestamp);
          CREATE TABLE lib.libraries (id text PRIMARY KEY, name text NOT NULL, city text,
            "townId" int);
          """);
    }
    Map<String, String> authors = new HashMap<>();
    data.authors().forEach(a -> authors.put(a.id(), a.name()));
    try (PreparedStatement insert = c.prepareStatement(
        "INSERT INTO lib.books VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (LibraryApi.Book b : data.books()) {
        insert.setString(1, b.id());
        insert.setString(2, b.title());
        insert.setString(3, b.libraryId());
        insert.setString(4, b.format());
        insert.setObject(5, b.pages());
        insert.setObject(6, b.price());
        insert.setBoolean(7, b.available());
        insert.setString(8, b.authorId());
        insert.setString(9, b.authorId() == null ? null : authors.get(b.authorId()));
        // the API's instants as the session's wall-clock times, as Jointure reads them
        insert.setObject(10, b.published() == null ? null : LocalDateTime.ofInstant(
            Instant.parse(b.published()), ZoneId.systemDefault()));
        insert.addBatch();
      }
      insert.executeBatch();
    }
    try (PreparedStatement insert = c.prepareStatement(
        "INSERT INTO lib.libraries VALUES (?, ?, ?, ?)")) {
      for (LibraryApi.Library l : data.libraries()) {
        insert.setString(1, l.id());
        insert.setString(2, l.name());
        insert.setString(3, l.city());
        insert.setObject(4, l.townId());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}
