package io.jointure.sql.parser;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.util.SourceStringReader;
import org.apache.calcite.util.Util;

/**
 * The parser of the SQL Jointure reads: Calcite's Babel parser (PostgreSQL's few reserved words,
 * {@code ::} casts, {@code FILTER}, {@code E'...'} strings, {@code LIMIT ALL}, {@code ~}), given
 * the text after {@link PostgresSyntax} has rewritten what Babel lacks ({@code DISTINCT ON},
 * PostgreSQL's interval literals).
 */
public final class PostgresSqlParser {
  /** For {@code SqlParser.Config.withParserFactory} and the {@code parserFactory} property. */
  public static final SqlParserImplFactory FACTORY = new SqlParserImplFactory() {
    @Override
    public SqlAbstractParserImpl getParser(Reader reader) {
      String sql = reader instanceof SourceStringReader source ? source.getSourceString()
          : readAll(reader);
      return SqlBabelParserImpl.FACTORY.getParser(
          new SourceStringReader(PostgresSyntax.adapt(sql).text()));
    }
  };

  private PostgresSqlParser() {
  }

  /**
   * PostgreSQL's lexical habits: double-quoted identifiers, unquoted names kept as written and
   * matched case-insensitively (so {@code "Name"} and {@code name} find a column {@code name}).
   */
  public static SqlParser.Config config() {
    return SqlParser.config()
        .withParserFactory(FACTORY)
        .withConformance(PostgresConformance.INSTANCE)
        .withQuoting(Quoting.DOUBLE_QUOTE)
        .withUnquotedCasing(Casing.UNCHANGED)
        .withQuotedCasing(Casing.UNCHANGED)
        .withCaseSensitive(false);
  }

  private static String readAll(Reader reader) {
    try {
      return Util.readAllAsString(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
