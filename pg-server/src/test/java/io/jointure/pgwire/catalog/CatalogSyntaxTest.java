package io.jointure.pgwire.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Catalog syntax as psql and pgjdbc write it, made plain; strings and other text untouched. */
class CatalogSyntaxTest {
  private static String plain(String sql) {
    return CatalogSyntax.plain(sql, (type, name) -> switch (name) {
      case "crm.towns" -> Integer.valueOf(16400);
      case "pg_class" -> Integer.valueOf(1259);
      default -> null;
    }, new io.jointure.pgwire.session.SessionSettings("o'neil", java.util.Map.of()));
  }

  @Test
  void castsToIdTypesWrittenWithCastFollowTheSameRules() {
    assertEquals("SELECT 16400, pg_catalog.jointure_regclass_name(c.oid) FROM c"
        + " WHERE c.oid = ((f(c.x)))",
        plain("SELECT CAST('crm.towns' AS REGCLASS), CAST(c.oid AS pg_catalog.regclass) FROM c"
            + " WHERE c.oid = CAST(CAST(f(c.x) AS REGCLASS) AS OID)"));
    assertEquals("SELECT CAST(x AS INTEGER)", plain("SELECT CAST(x AS INTEGER)"));
  }

  @Test
  void settingsAreTheSessionsValues() {
    assertEquals("SELECT '160004' ::int, CAST(NULL AS VARCHAR) , 'C'",
        plain("SELECT current_setting('server_version_num')::int,"
            + " current_setting('no_such', true), pg_catalog.current_setting('lc_messages')")
            .replaceAll("\\s+", " ").strip());
    assertEquals("SELECT s.current_setting('x')", plain("SELECT s.current_setting('x')"));
    assertThrows(IllegalArgumentException.class, () -> plain("SELECT current_setting('nope')"));
  }

  @Test
  void theSessionsUserIsALiteral() {
    assertEquals("SELECT 'o''neil' , 'o''neil' AS u, \"user\", t.user, 1 AS user FROM t"
        + " WHERE x = 'o''neil'", plain("SELECT current_user, session_user AS u, \"user\", t.user,"
        + " 1 AS user FROM t WHERE x = user").replaceAll("\\s+", " ").strip());
  }

  @Test
  void namesReadAsObjectIdsBecomeTheIds() {
    assertEquals("SELECT 1 FROM d WHERE d.classoid = 1259 AND c.oid = 16400",
        plain("SELECT 1 FROM d WHERE d.classoid = 'pg_class'::regclass"
            + " AND c.oid = 'crm.towns'::pg_catalog.regclass"));
    assertThrows(IllegalArgumentException.class, () -> plain("SELECT 'nope'::regclass"));
  }

  @Test
  void castsToIdTypesGoAndQualifiedTypesLoseTheirSchema() {
    assertEquals("SELECT c.oid, t.typname FROM c WHERE c.reltype = t.oid",
        plain("SELECT c.oid::oid, t.typname FROM c WHERE c.reltype::oid = t.oid"));
    // Shown in a select list, an id cast to regclass/regtype reads as the name.
    assertEquals("SELECT pg_catalog.jointure_regclass_name(c.oid), x FROM c WHERE c.oid = 16400",
        plain("SELECT c.oid::pg_catalog.regclass, x FROM c WHERE c.oid::regclass = 16400"));
    assertEquals("SELECT 16398, (c.x)", plain("SELECT '16398'::regclass, (c.x)::regtype"));
    assertEquals("SELECT a FROM pr WHERE x = ANY(pr.prattrs)",
        plain("SELECT a FROM pr WHERE x = ANY(pr.prattrs::pg_catalog.int2[])"));
    assertEquals("SELECT x::text", plain("SELECT x::pg_catalog.text"));
  }

  @Test
  void operatorsAndCollationsArePlain() {
    assertEquals("SELECT 1 WHERE c.relname  ~  '^(towns)$' ",
        plain("SELECT 1 WHERE c.relname OPERATOR(pg_catalog.~) '^(towns)$' COLLATE pg_catalog.default"));
  }

  @Test
  void aUsersCollationStaysAndOddInputDoesNotBreak() {
    assertEquals("SELECT a FROM t ORDER BY a COLLATE \"C\"",
        plain("SELECT a FROM t ORDER BY a COLLATE \"C\""));
    assertEquals("SELECT 1 COLLATE pg_catalog.\"C\" 1259",
        plain("SELECT 1 COLLATE pg_catalog.\"C\" 'pg_class'::regclass"));
    assertEquals("SELECT 1::", plain("SELECT 1::"));
  }

  @Test
  void onlyAnOperatorIsTakenFromOperatorParentheses() {
    // an "operator" that would open a comment stays as written, for the parser to refuse
    assertEquals("SELECT a OPERATOR(- -) b, c FROM t", plain("SELECT a OPERATOR(- -) b, c FROM t"));
    assertEquals("SELECT a  ~*  b", plain("SELECT a OPERATOR(pg_catalog.~*) b"));
  }

  @Test
  void deeplyNestedInputIsReadInOnePass() {
    // 20,000 nested vector subscripts: no recursion, no copy per level
    String sql = "SELECT " + "indkey[".repeat(20_000) + "1" + "]".repeat(20_000) + " FROM i";
    String plain = plain(sql + " WHERE 'a'::text = 'b'");
    assertEquals(20_000, plain.split("\\) \\+ 1", -1).length - 1);
  }

  @Test
  void vectorSubscriptsCountFromZero() {
    assertEquals("SELECT i.indkey[(0) + 1], x[0] FROM i WHERE i.indoption[(i.indkey[(1) + 1]) + 1] = 0",
        plain("SELECT i.indkey[0], x[0] FROM i WHERE i.indoption[i.indkey[1]] = 0"));
  }

  @Test
  void stringsAndCommentsAreLeftAlone() {
    String sql = "SELECT 'a::regclass', \"b::oid\" -- 'x'::regclass";
    assertEquals(sql, plain(sql));
  }
}
