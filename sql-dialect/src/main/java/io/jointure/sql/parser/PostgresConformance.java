package io.jointure.sql.parser;

import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;

/**
 * What PostgreSQL allows, as Calcite's conformance settings: Calcite's lenient settings (GROUP BY
 * and ORDER BY by alias or ordinal, {@code !=}, {@code %}, SELECT without FROM), with literal
 * strings coerced to the type they are compared with, as PostgreSQL types an unknown literal.
 */
public final class PostgresConformance extends SqlDelegatingConformance {
  public static final PostgresConformance INSTANCE = new PostgresConformance();

  private PostgresConformance() {
    super(SqlConformanceEnum.LENIENT);
  }

  @Override
  public boolean allowLenientCoercion() {
    return true;
  }
}
