package io.jointure.pgwire.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Set-returning functions as pgjdbc and psql call them, made UNNESTs Calcite plans (the tests
 * in the tests module run the results against the catalog and compare with the embedded
 * driver's metadata).
 */
class SetReturningFunctionsTest {
  private static String unnested(String sql) {
    return SetReturningFunctions.unnested(sql).replaceAll("\\s+", " ").strip();
  }

  @Test
  void expandArrayInASelectListIsACrossJoinedUnnestWithOrdinality() {
    // pgjdbc's getPrimaryKeys, shortened.
    assertEquals("SELECT r.k FROM (SELECT a.attname, jointure_srf1.n AS KEY_SEQ,"
        + " CAST(ROW(jointure_srf1.x1, jointure_srf1.n) AS ROW(x INTEGER, n INTEGER)) AS KEYS"
        + " FROM pg_class ct JOIN pg_index i ON (ct.oid = i.indrelid)"
        + " CROSS JOIN UNNEST(i.indkey) WITH ORDINALITY AS jointure_srf1(x1, n)"
        + " WHERE i.indisprimary ) r WHERE r.A = (r.KEYS).x",
        unnested("SELECT r.k FROM (SELECT a.attname,"
            + " (information_schema._pg_expandarray(i.indkey)).n AS KEY_SEQ,"
            + " information_schema._pg_expandarray(i.indkey) AS KEYS"
            + " FROM pg_class ct JOIN pg_index i ON (ct.oid = i.indrelid)"
            + " WHERE i.indisprimary ) r WHERE r.A = (r.KEYS).x"));
  }

  @Test
  void aSeriesWithLiteralBoundsInFromIsAnUnnest() {
    // pgjdbc's getImportedKeys
    assertEquals("SELECT pos.n FROM pg_constraint con,"
        + " UNNEST(pg_catalog.generate_series(1, 32)) pos(n), pg_class pkic WHERE true",
        unnested("SELECT pos.n FROM pg_constraint con,"
            + " pg_catalog.generate_series(1, 32) pos(n), pg_class pkic WHERE true"));
    assertEquals("SELECT * FROM UNNEST(pg_catalog.generate_series(1, 3)) AS"
        + " generate_series(generate_series)",
        unnested("SELECT * FROM generate_series(1, 3)"));
  }

  @Test
  void aSeriesWithComputedBoundsIsPositionsFilteredInWhere() {
    // psql's \d publication query: the bounds come from another FROM item.
    assertEquals("SELECT (SELECT string_agg(attname, ', ') FROM"
        + " pg_catalog.jointure_positions s(s), pg_attribute WHERE"
        + " pg_catalog.jointure_positions_between((0), (array_upper(pr.prattrs, 1))) AND s.s"
        + " BETWEEN (0) AND (array_upper(pr.prattrs, 1)) AND ( attnum = prattrs[s]) ) FROM t pr",
        unnested("SELECT (SELECT string_agg(attname, ', ') FROM"
            + " pg_catalog.generate_series(0, array_upper(pr.prattrs, 1)) s, pg_attribute"
            + " WHERE attnum = prattrs[s]) FROM t pr"));
    assertEquals("SELECT x.y FROM pg_catalog.jointure_positions AS x(y) WHERE"
        + " pg_catalog.jointure_positions_between((1), (f(2))) AND x.y BETWEEN (1) AND (f(2))",
        unnested("SELECT x.y FROM generate_series(1, f(2)) AS x(y)"));
  }

  @Test
  void unnestInFromNamesItsColumnAfterTheAlias() {
    // psql's \d+ reloptions
    assertEquals("SELECT array(select 'toast.' || x from UNNEST(tc.reloptions) x(x)) FROM t tc",
        unnested("SELECT array(select 'toast.' || x from pg_catalog.unnest(tc.reloptions) x)"
            + " FROM t tc"));
    assertEquals("SELECT * FROM UNNEST(a, b) AS t", unnested("SELECT * FROM UNNEST(a, b) AS t"));
  }

  @Test
  void aSeriesInASelectWithoutFromGetsOne() {
    assertEquals("SELECT jointure_srf1.x1 FROM UNNEST(pg_catalog.generate_series(1, 2)) WITH"
        + " ORDINALITY AS jointure_srf1(x1, n)", unnested("SELECT generate_series(1, 2)"));
  }

  @Test
  void aSelectsCallsRunInStepAsOneZippedUnnest() {
    // SQLAlchemy's index reflection: key columns, their operator classes and their positions.
    // Several arrays: indexed by one position each (Calcite's UNNEST of several crosses them);
    // an int2vector's subscripts start at 0.
    String longest = "GREATEST(COALESCE(CARDINALITY(i.indkey), 0),"
        + " COALESCE(CARDINALITY(i.indclass), 0))";
    assertEquals("SELECT i.indexrelid, (i.indkey)[jointure_srf1.n] AS attnum,"
        + " (i.indclass)[jointure_srf1.n] AS att_opclass, CASE WHEN jointure_srf1.n <="
        + " CARDINALITY(i.indkey) THEN jointure_srf1.n - 1 END AS ord FROM pg_index i"
        + " CROSS JOIN pg_catalog.jointure_positions AS jointure_srf1(n) WHERE"
        + " pg_catalog.jointure_positions_between(1, " + longest + ") AND jointure_srf1.n"
        + " BETWEEN 1 AND " + longest + " AND ( NOT i.indisprimary)",
        unnested("SELECT i.indexrelid, unnest(i.indkey) AS attnum, unnest(i.indclass) AS"
            + " att_opclass, generate_subscripts(i.indkey, 1) AS ord FROM pg_index i"
            + " WHERE NOT i.indisprimary"));
  }

  @Test
  void textWithoutCallsAndCallsInStringsStayAsTheyAre() {
    String sql = "SELECT 'generate_series(1, 2)' AS s, \"unnest\" FROM t WHERE x = 1";
    assertEquals(sql, unnested(sql));
  }
}
