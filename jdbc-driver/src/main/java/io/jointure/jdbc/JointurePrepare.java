package io.jointure.jdbc;

import io.jointure.rules.KeptInput;
import io.jointure.rules.PhasedProgram;
import io.jointure.rules.RelationRules;
import io.jointure.sql.errors.ErrorCode;
import io.jointure.sql.errors.ErrorTranslator;
import io.jointure.sql.errors.JointureException;
import io.jointure.sql.functions.PercentileRule;
import io.jointure.sql.functions.PostgresConvertletTable;
import io.jointure.sql.parser.PostgresConformance;
import io.jointure.sql.parser.PostgresSqlParser;
import io.jointure.sql.validate.PostgresSqlToRelConverter;
import io.jointure.sql.validate.PostgresSqlValidator;
import java.lang.reflect.Type;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.interpreter.BindableConvention;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.prepare.Prepare.CatalogReader;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.ProjectToWindowRule;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;
import org.apache.calcite.util.Holder;

/**
 * Calcite's statement preparation, with these changes: statements that would write are refused
 * (Jointure only reads its sources, and a write goes to the source database itself); and the
 * planner also uses rules that matter when joins cross sources: predicates implied through join
 * keys are pushed to the other side ({@code towns.id = 3} joined on
 * {@code people.town_id = towns.id} also filters people by {@code town_id = 3}), unused LEFT
 * joins to unique keys are removed, sorts with limits go below LEFT joins, aggregates over joins
 * pre-aggregate each side by its join key, and Jointure's own relation rules
 * ({@link RelationRules}) are added; queries with many joins keep their written join order
 * ({@link PhasedProgram}), and the chosen plan's operators that keep rows count them
 * against the memory limit, nested-loop joins reading their inner input once ({@link KeptInput}).
 */
final class JointurePrepare extends CalcitePrepareImpl {

  /** Jointure's planning phases, then the kept inputs of the chosen plan marked. */
  private static final Program PROGRAM =
      Programs.sequence(new PhasedProgram(), KeptInput.GUARDS);

  private static final RelOptRule WINDOWS_OF_LOGICAL_PROJECTS =
      ProjectToWindowRule.ProjectToLogicalProjectAndWindowRule
          .ProjectToLogicalProjectAndWindowRuleConfig.DEFAULT
          .withOperandSupplier(b -> b.operand(LogicalProject.class)
              .predicate(LogicalProject::containsOver).anyInputs())
          .withDescription("ProjectToWindowRule:logicalProject")
          .toRule();

  private static final Set<String> WRITE_KEYWORDS = Set.of("INSERT", "UPDATE", "DELETE", "MERGE",
      "UPSERT", "CREATE", "DROP", "ALTER", "TRUNCATE", "GRANT", "REVOKE", "COPY", "COMMENT");

  /** The first word of a statement, after whitespace and comments. */
  private static final Pattern FIRST_WORD =
      Pattern.compile("\\A(?:\\s+|--[^\\n]*(?:\\n|\\z)|/\\*.*?\\*/)*([A-Za-z]+)", Pattern.DOTALL);

  /**
   * Prepares a statement; a failure is translated here, where the statement's text and the
   * connection's schemas are at hand for positions and "did you mean".
   */
  @Override
  public <T> CalciteSignature<T> prepareSql(Context context, Query<T> query, Type elementType,
      long maxRowCount) {
    try {
      return prepareReadOnly(context, query, elementType, maxRowCount);
    } catch (RuntimeException | AssertionError | ExceptionInInitializerError e) {
      throw ErrorTranslator.translate(e, query.sql,
          query.sql == null ? ErrorTranslator.Names.NONE
              : new StatementNames(context.getRootSchema(), query.sql, context.getTypeFactory()));
    }
  }

  private <T> CalciteSignature<T> prepareReadOnly(Context context, Query<T> query,
      Type elementType, long maxRowCount) {
    if (query.sql != null) {
      Matcher m = FIRST_WORD.matcher(query.sql);
      if (m.find()) {
        String keyword = m.group(1).toUpperCase(Locale.ROOT);
        if (WRITE_KEYWORDS.contains(keyword)) {
          throw readOnly(keyword);
        }
      }
    }
    // Stock planning (relationRules=false, the benchmark's baseline) caches nothing, as Calcite.
    PlanCache.Key key = !JointureDriver.relationRulesEnabled(context.getTypeFactory()) ? null
        : PlanCache.key(context.getTypeFactory(), context.getDefaultSchemaPath(), query.sql,
            maxRowCount, elementType);
    if (key == null) {
      return plan(context, query, elementType, maxRowCount);
    }
    CalciteSignature<T> general = withLiteralsAsParameters(context, query, elementType,
        maxRowCount);
    return general != null ? general
        : PlanCache.shared().plan(key, () -> planned(context, query, elementType, maxRowCount));
  }

  /**
   * The cached plan of the statement's text with its literals as parameters, run with its
   * literals; null when it has none, or they do not fit that plan.
   */
  private <T> CalciteSignature<T> withLiteralsAsParameters(Context context, Query<T> query,
      Type elementType, long maxRowCount) {
    LiteralParameters literals = LiteralParameters.of(query.sql);
    if (literals == null) {
      return null;
    }
    PlanCache.Key key = PlanCache.key(context.getTypeFactory(), context.getDefaultSchemaPath(),
        literals.generalSql(), maxRowCount, elementType);
    PlanCache cache = PlanCache.shared();
    if (key == null || cache.failedBefore(key)) {
      return null;
    }
    CalciteSignature<T> general;
    try {
      general = cache.plan(key, () -> planned(context, Query.of(literals.generalSql()),
          elementType, maxRowCount));
    } catch (RuntimeException | AssertionError e) {
      // A parameter whose type nothing gives ({@code ? < ?}): the text as written will do, now
      // and for the next statements of that text. Anything else (a source down while planning)
      // is tried again next time.
      if (e instanceof org.apache.calcite.runtime.CalciteContextException) {
        cache.failed(key);
      }
      return null;
    }
    return literals.bind(general);
  }

  private <T> CalciteSignature<T> plan(Context context, Query<T> query, Type elementType,
      long maxRowCount) {
    if (!JointureDriver.relationRulesEnabled(context.getTypeFactory())) {
      return super.prepareSql(context, query, elementType, maxRowCount);
    }
    return planned(context, query, elementType, maxRowCount).signature();
  }

  /** Jointure's planning, with the size of the code it generated (the cache weighs plans). */
  private <T> PlanCache.Planned<T> planned(Context context, Query<T> query, Type elementType,
      long maxRowCount) {
    long[] codeChars = {0};
    // Calcite asks this thread's hook for the program that drives the planner, and shows it the
    // Java code it generates.
    try (Hook.Closeable program = Hook.PROGRAM.addThread(
            (Holder<Program> holder) -> holder.set(PROGRAM));
         Hook.Closeable code = Hook.JAVA_PLAN.addThread(
            (Object source) -> codeChars[0] += source.toString().length())) {
      CalciteSignature<T> signature = super.prepareSql(context, query, elementType, maxRowCount);
      return new PlanCache.Planned<>(signature, codeChars[0]);
    }
  }

  /** Every statement, view and computed field is read as PostgreSQL's SQL. */
  @Override
  protected SqlParser createParser(String sql, SqlParser.Config parserConfig) {
    return SqlParser.create(sql, parserConfig.withParserFactory(PostgresSqlParser.FACTORY)
        .withConformance(PostgresConformance.INSTANCE));
  }

  @Override
  protected SqlRexConvertletTable createConvertletTable() {
    return PostgresConvertletTable.INSTANCE;
  }

  /**
   * Calcite's statement preparation (as {@code CalcitePrepareImpl} makes it), with PostgreSQL's
   * validator.
   */
  @Override
  protected CalcitePreparingStmt getPreparingStmt(Context context, Type elementType,
      CalciteCatalogReader catalogReader, RelOptPlanner planner) {
    JavaTypeFactory typeFactory = context.getTypeFactory();
    EnumerableRel.Prefer prefer = elementType == Object[].class
        ? EnumerableRel.Prefer.ARRAY : EnumerableRel.Prefer.CUSTOM;
    Convention resultConvention = enableBindable ? BindableConvention.INSTANCE
        : EnumerableConvention.INSTANCE;
    RelOptCluster cluster = createCluster(planner, new RexBuilder(typeFactory));
    return new CalcitePreparingStmt(this, context, catalogReader, typeFactory,
        context.getRootSchema(), prefer, cluster, resultConvention, createConvertletTable()) {
      @Override
      protected SqlValidator createSqlValidator(CatalogReader catalogReader,
          UnaryOperator<SqlValidator.Config> configTransform) {
        return PostgresSqlValidator.create(context.config(),
            (CalciteCatalogReader) catalogReader, context.getTypeFactory(), configTransform);
      }

      @Override
      protected SqlToRelConverter getSqlToRelConverter(SqlValidator validator,
          CatalogReader catalogReader, SqlToRelConverter.Config config) {
        return new PostgresSqlToRelConverter(this, validator, catalogReader, cluster,
            convertletTable, config.withTopDownGeneralDecorrelationEnabled(
                context.config().topDownGeneralDecorrelationEnabled()));
      }
    };
  }

  @Override
  protected RelOptPlanner createPlanner(Context prepareContext,
      org.apache.calcite.plan.Context externalContext, RelOptCostFactory costFactory) {
    RelOptPlanner planner = super.createPlanner(prepareContext, externalContext, costFactory);
    // Calcite's rule splits any project with window functions into a LogicalWindow with the
    // project's convention; a project already in a database's convention (which runs its window
    // functions itself) would become a window no database can run, and planning fails.
    planner.removeRule(CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW);
    planner.addRule(WINDOWS_OF_LOGICAL_PROJECTS);
    // percentile_cont where no source computes it (Calcite's executor has no implementation).
    planner.addRule(PercentileRule.INSTANCE);
    if (!JointureDriver.relationRulesEnabled(prepareContext.getTypeFactory())) {
      return planner; // stock Calcite planning, for comparison (relationRules=false)
    }
    planner.addRule(CoreRules.JOIN_PUSH_TRANSITIVE_PREDICATES);
    // A LEFT join to a unique key whose columns the query does not use disappears (relation
    // views cost nothing when their related columns are not selected).
    planner.addRule(CoreRules.PROJECT_JOIN_REMOVE);
    planner.addRule(CoreRules.PROJECT_JOIN_JOIN_REMOVE);
    planner.addRule(CoreRules.AGGREGATE_JOIN_REMOVE);
    // ORDER BY ... LIMIT on a LEFT join's origin columns runs on the origin first.
    planner.addRule(CoreRules.SORT_JOIN_TRANSPOSE);
    // GROUP BY over a join pre-aggregates each side by its join key (in its source).
    planner.addRule(CoreRules.AGGREGATE_JOIN_TRANSPOSE_EXTENDED);
    RelationRules.all().forEach(planner::addRule);
    return planner;
  }

  /** A write was attempted. */
  private static JointureException readOnly(String keyword) {
    return new JointureException(ErrorCode.READ_ONLY_SQL_TRANSACTION, "Jointure is read-only: "
        + keyword + " statements are not supported; run them on the source database directly");
  }
}
