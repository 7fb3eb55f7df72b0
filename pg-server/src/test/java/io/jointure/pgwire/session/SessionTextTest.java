package io.jointure.pgwire.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the session reads in a statement's text: placeholders, commands, SET, EXPLAIN. */
class SessionTextTest {
  @Test
  void numberedParametersBecomePositionalOnesOutsideStrings() {
    Placeholders p = Placeholders.of("SELECT $2, '$1', \"$1\", x FROM t WHERE a = $1 OR b = $2"
        + " -- $3");
    assertEquals("SELECT ?, '$1', \"$1\", x FROM t WHERE a = ? OR b = ? -- $3", p.jdbcSql());
    assertEquals(List.of(2, 1, 2), p.numbers());
    assertEquals(2, p.parameterCount());
  }

  @Test
  void commandsAreToldFromTheirFirstWords() {
    assertEquals(SessionCommand.Kind.BEGIN, SessionCommand.of("start transaction").kind());
    assertEquals(SessionCommand.Kind.COMMIT, SessionCommand.of("END").kind());
    assertEquals(SessionCommand.Kind.WRITE, SessionCommand.of("insert into t values (1)").kind());
    assertEquals(SessionCommand.Kind.QUERY, SessionCommand.of("/* c */ WITH x AS (SELECT 1)"
        + " SELECT * FROM x").kind());
    assertEquals(SessionCommand.Kind.EMPTY, SessionCommand.of(" -- nothing").kind());
    assertEquals(SessionCommand.Kind.IGNORED, SessionCommand.of("ROLLBACK TO SAVEPOINT a").kind());
  }

  @Test
  void setAndShowAsPostgres() {
    SessionSettings settings = new SessionSettings("ana", Map.of("application_name", "psql",
        "DateStyle", "ISO"));
    assertEquals("psql", settings.get("APPLICATION_NAME"));
    settings.set(SessionCommand.of("SET search_path TO crm, \"$user\"").words());
    assertEquals("crm, $user", settings.get("search_path"));
    settings.set(SessionCommand.of("SET SESSION statement_timeout = '5s'").words());
    assertEquals("5s", settings.get("statement_timeout"));
    settings.set(SessionCommand.of("SET application_name TO DEFAULT").words());
    assertEquals("", settings.get("application_name"));
    assertEquals(List.of(List.of("UTF8")), Show.rows(SessionCommand.of("SHOW client_encoding"),
        settings));
  }

  @Test
  void explainBecomesJointuresExplainPlanFor() {
    assertEquals("EXPLAIN PLAN FOR SELECT 1", Explain.jdbcSql("EXPLAIN SELECT 1"));
    assertEquals("EXPLAIN PLAN FOR SELECT 1", Explain.jdbcSql("explain (costs off, verbose)"
        + " SELECT 1"));
    assertEquals("EXPLAIN PLAN FOR SELECT 1", Explain.jdbcSql("EXPLAIN PLAN FOR SELECT 1"));
  }
}
