package io.jointure.sql.validate;

import io.jointure.sql.functions.PostgresOperatorTable;
import io.jointure.sql.parser.PostgresConformance;
import java.util.function.UnaryOperator;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalciteSqlValidator;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * Calcite's validator over PostgreSQL's SQL: the parse tree first gets back the meaning of the
 * constructs the parser took in disguise ({@link PostgresRewriter}), and names resolve to
 * PostgreSQL's functions ({@link PostgresOperatorTable}) before the catalog's.
 */
public final class PostgresSqlValidator extends CalciteSqlValidator {
  private PostgresSqlValidator(SqlOperatorTable operators, CalciteCatalogReader catalogReader,
      JavaTypeFactory typeFactory, Config config) {
    super(operators, catalogReader, typeFactory, config);
  }

  /** A validator as Calcite's preparation makes one, with PostgreSQL's functions and rules. */
  public static SqlValidator create(CalciteConnectionConfig connectionConfig,
      CalciteCatalogReader catalogReader, JavaTypeFactory typeFactory,
      UnaryOperator<Config> configTransform) {
    SqlOperatorTable operators =
        SqlOperatorTables.chain(PostgresOperatorTable.instance(), catalogReader);
    Config config = configTransform.apply(Config.DEFAULT
        .withLenientOperatorLookup(connectionConfig.lenientOperatorLookup())
        .withConformance(PostgresConformance.INSTANCE)
        .withDefaultNullCollation(connectionConfig.defaultNullCollation())
        .withIdentifierExpansion(true));
    return new PostgresSqlValidator(operators, catalogReader, typeFactory, config);
  }

  /** Statements whose answer type the conversion changed (intervals given as text). */
  private final java.util.Map<SqlNode, org.apache.calcite.rel.type.RelDataType> answerTypes =
      new java.util.IdentityHashMap<>();

  @Override
  public SqlNode validate(SqlNode topNode) {
    return super.validate(PostgresRewriter.rewrite(PostgresColumnLabels.labelItems(topNode)));
  }

  /** The statement's answer has this type ({@link PostgresSqlToRelConverter}). */
  void answerType(SqlNode query, org.apache.calcite.rel.type.RelDataType type) {
    answerTypes.put(query, type);
  }

  @Override
  public org.apache.calcite.rel.type.RelDataType getValidatedNodeType(SqlNode node) {
    org.apache.calcite.rel.type.RelDataType answer = answerTypes.get(node);
    return answer != null ? answer : super.getValidatedNodeType(node);
  }
}
