package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jointure.demo.EmbeddedPostgres;
import io.jointure.pgwire.PgServer;
import io.jointure.pgwire.PgServerSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Catalog queries in the shapes BI clients send them (docs/PG-CLIENTS.md lists who sends what:
 * SQLAlchemy's lockstep unnest and generate_subscripts, Metabase's format('%I.%I') and quoted
 * labels, Grafana's search_path split in FROM, Npgsql's pg_type joined to pg_proc, DBeaver's
 * pg_get_keywords()), written here, run through the protocol against Jointure and natively
 * against PostgreSQL holding the same tables in one database: the answers are the same.
 */
@ExtendWith(PostgresExtension.class)
class PgClientCatalogTest {
  private static PgServer server;
  private static Connection protocol;
  private static Connection groundTruth;

  @BeforeAll
  static void start(EmbeddedPostgres pg) throws Exception {
    SeedFixture.load(pg);
    server = PgServer.start(PgServerSettings.local("jdbc:jointure:model=inline:"
        + SeedFixture.model(pg), 0));
    protocol = PgProtocolTest.pgjdbc(server, "");
    groundTruth = pg.connect("fx_all");
  }

  @AfterAll
  static void stop() throws SQLException {
    protocol.close();
    groundTruth.close();
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // SQLAlchemy: a primary key's columns in order, from set-returning calls run in step
      "SELECT c.conname, a.attname, k.ord FROM pg_catalog.pg_attribute a"
          + " JOIN (SELECT i.indrelid, unnest(i.indkey) AS attnum,"
          + " generate_subscripts(i.indkey, 1) AS ord FROM pg_catalog.pg_index i"
          + " WHERE i.indisprimary) k ON a.attrelid = k.indrelid AND a.attnum = k.attnum"
          + " JOIN pg_catalog.pg_constraint c ON c.conrelid = k.indrelid AND c.contype = 'p'"
          + " WHERE a.attrelid = CAST('crm.towns' AS REGCLASS) ORDER BY k.ord",
      // set-returning calls in step: zipped, the shorter padded with NULLs
      "SELECT unnest(ARRAY[1, 2, 3]) AS a, unnest(ARRAY['x', 'y']) AS b,"
          + " generate_subscripts(ARRAY[1, 2, 3], 1) AS i",
      // a trailing comment does not swallow what the rewrite adds
      "SELECT unnest(ARRAY[1, 2]) AS a -- the end",
      // SQLAlchemy: foreign keys as their definitions
      "SELECT r.conname, pg_catalog.pg_get_constraintdef(r.oid, true) AS def"
          + " FROM pg_catalog.pg_constraint r WHERE r.conrelid = 'crm.mayors'::regclass"
          + " AND r.contype = 'f' ORDER BY 1",
      // SQLAlchemy 1.4: unique indexes and their columns, the key as int2vector text
      "SELECT c.relname, i.indisunique, i.indisprimary, a.attname, i.indkey::varchar AS k"
          + " FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid"
          + " JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid"
          + " AND a.attnum = ANY(i.indkey) WHERE i.indrelid = 'crm.countries'::regclass"
          + " ORDER BY 1, 4",
      // Metabase: fields with primary-key flags, quoted labels, format('%I.%I')
      "SELECT c.column_name AS name, c.ordinal_position - 1 AS \"database-position\","
          + " pk.column_name IS NOT NULL AS \"pk?\","
          + " format('%I.%I', c.table_schema, c.table_name) AS qualified,"
          + " (c.is_nullable = 'NO') AS \"database-required\""
          + " FROM information_schema.columns c LEFT JOIN (SELECT tc.table_schema,"
          + " tc.table_name, kc.column_name FROM information_schema.table_constraints tc"
          + " JOIN information_schema.key_column_usage kc ON tc.constraint_name"
          + " = kc.constraint_name AND tc.table_schema = kc.table_schema AND tc.table_name"
          + " = kc.table_name WHERE tc.constraint_type = 'PRIMARY KEY') pk"
          + " ON c.table_schema = pk.table_schema AND c.table_name = pk.table_name"
          + " AND c.column_name = pk.column_name WHERE c.table_schema = 'crm'"
          + " AND c.table_name IN ('towns', 'mayors') ORDER BY c.table_name, 2",
      // Metabase: foreign keys, key columns found with = ANY, the type as 'f'::char
      "SELECT fk_table.relname, fk_column.attname, pk_table.relname AS pk,"
          + " pk_column.attname AS pk_column FROM pg_constraint c"
          + " JOIN pg_class fk_table ON c.conrelid = fk_table.oid"
          + " JOIN pg_namespace fk_ns ON c.connamespace = fk_ns.oid"
          + " JOIN pg_attribute fk_column ON c.conrelid = fk_column.attrelid"
          + " JOIN pg_class pk_table ON c.confrelid = pk_table.oid"
          + " JOIN pg_attribute pk_column ON c.confrelid = pk_column.attrelid"
          + " WHERE c.contype = 'f'::char AND fk_column.attnum = ANY(c.conkey)"
          + " AND pk_column.attnum = ANY(c.confkey) AND fk_ns.nspname = 'crm' ORDER BY 1, 2",
      // Grafana: tables named as the search path makes them, the path split in FROM
      "SELECT CASE WHEN quote_ident(table_schema) IN (SELECT CASE WHEN trim(s[i]) = '\"$user\"'"
          + " THEN user ELSE trim(s[i]) END FROM generate_series("
          + "array_lower(string_to_array(current_setting('search_path'), ','), 1),"
          + " array_upper(string_to_array(current_setting('search_path'), ','), 1)) AS i,"
          + " string_to_array(current_setting('search_path'), ',') s)"
          + " THEN quote_ident(table_name) ELSE quote_ident(table_schema) || '.'"
          + " || quote_ident(table_name) END AS \"table\" FROM information_schema.tables"
          + " WHERE table_schema = 'crm' AND table_type = 'BASE TABLE' ORDER BY 1",
      // Grafana: a table picked by its qualified name (the version is PostgreSQL 16's here)
      "SELECT (parse_ident('crm.\"Towns\"'))[2] AS part, quote_ident('Towns') AS quoted,"
          + " current_setting('standard_conforming_strings') AS strings",
      // pgjdbc's getIndexInfo reads an int2vector from 0, and psql's \\d from 1 of an array
      "SELECT c.relname, i.indkey[0] AS first, i.indoption[0] AS option FROM pg_catalog.pg_index i"
          + " JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid"
          + " WHERE i.indrelid = 'crm.countries'::regclass ORDER BY 1",
      // Npgsql: arrays told by their receive function, with their element type
      "SELECT typ.typname, proc.proname, elem.typname AS element FROM pg_catalog.pg_type typ"
          + " JOIN pg_catalog.pg_proc proc ON proc.oid = typ.typreceive"
          + " LEFT JOIN pg_catalog.pg_type elem ON elem.oid = typ.typelem AND typ.typelem <> 0"
          + " WHERE typ.typname IN ('int4', '_int4', 'text', '_text', 'numeric', 'date',"
          + " 'timestamptz') ORDER BY 1",
      // pgjdbc's keywords (DBeaver asks): the parser's reserved words, from a function in FROM
      "SELECT count(*) > 0 AS listed FROM pg_catalog.pg_get_keywords()"
          + " WHERE word <> ALL ('{a,abs}'::text[]) AND word = 'select'",
      // reserved words as labels, array literals, format's specifiers
      "SELECT 1 AS default, 2 AS select, '{1,2}'::int[] AS ints, 'b' = ANY ('{a,\"b c\"}'::text[])"
          + " AS found, format('%I.%I %L %s', 'crm', 'My Table', 'it''s', NULL) AS f",
  })
  void answersAsPostgres(String sql) throws SQLException {
    List<List<Object>> expected = Jointure.rows(groundTruth, sql);
    assertFalse(expected.isEmpty(), sql);
    assertEquals(expected, Jointure.rows(protocol, sql), sql);
  }
}
