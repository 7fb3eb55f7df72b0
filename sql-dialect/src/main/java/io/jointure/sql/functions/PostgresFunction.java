package io.jointure.sql.functions;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.adapter.enumerable.NullPolicy;
import org.apache.calcite.adapter.enumerable.ReflectiveCallNotNullImplementor;
import org.apache.calcite.adapter.enumerable.RexImpTable;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.linq4j.tree.Primitive;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandMetadata;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * A PostgreSQL function as Jointure runs it: a list of signatures, each with PostgreSQL's
 * parameter and result types and one Java method that computes it in Calcite's executor; and how
 * PostgreSQL spells a call, so that a call pushed to a PostgreSQL source reaches it as PostgreSQL's
 * own SQL. Operands are converted to the chosen signature's parameter types first (as PostgreSQL
 * coerces arguments), so each method sees exactly Calcite's internal Java types: {@code long}
 * milliseconds for TIMESTAMP, {@code int} days for DATE, {@link BigDecimal}, {@link String}.
 *
 * <p>A Calcite user-defined function underneath, because Calcite's executor finds the code of
 * such functions through the function itself; its category is not "user-defined", so Calcite's
 * JDBC rules may push it (Jointure's source conventions decide which sources take it).
 */
public final class PostgresFunction extends SqlUserDefinedFunction {
  /** How PostgreSQL writes a call of the function. */
  @FunctionalInterface
  public interface Spelling {
    void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec);
  }

  /** One overload: parameter types, result type, and the method computing it. */
  public record Signature(List<SqlTypeName> parameters, ResultType result, Method method,
      boolean strict) {
    boolean accepts(List<RelDataType> operands) {
      if (operands.size() != parameters.size()) {
        return false;
      }
      for (int i = 0; i < operands.size(); i++) {
        if (!coercible(operands.get(i), parameters.get(i))) {
          return false;
        }
      }
      return true;
    }

    /** Operands whose type is the parameter's own (not only coercible to it). */
    int exactMatches(List<RelDataType> operands) {
      int exact = 0;
      for (int i = 0; i < operands.size(); i++) {
        if (operands.get(i).getSqlTypeName() == parameters.get(i)) {
          exact++;
        }
      }
      return exact;
    }
  }

  /** The result type of a call, from its operands' types. */
  @FunctionalInterface
  public interface ResultType {
    RelDataType of(RelDataTypeFactory types, List<RelDataType> operands, SqlOperatorBinding call);

    static ResultType of(SqlTypeName type) {
      return (types, operands, call) -> types.createSqlType(type);
    }

    static ResultType decimal(int precision, int scale) {
      return (types, operands, call) -> types.createSqlType(SqlTypeName.DECIMAL, precision, scale);
    }
  }

  private final List<Signature> signatures;
  private final Spelling spelling;

  private PostgresFunction(String name, SqlFunctionCategory category, List<Signature> signatures,
      Spelling spelling) {
    this(name, category, signatures, spelling, new Holder());
  }

  private PostgresFunction(String name, SqlFunctionCategory category, List<Signature> signatures,
      Spelling spelling, Holder holder) {
    super(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
        binding -> holder.function.returnType(binding),
        (binding, returnType, operandTypes) -> holder.function.inferUnknown(binding, operandTypes),
        new Operands(holder), new Implementation(holder), category, SqlSyntax.FUNCTION);
    this.signatures = List.copyOf(signatures);
    this.spelling = spelling;
    holder.function = this;
  }

  /** Lets the callbacks given to Calcite's constructor reach the function they belong to. */
  private static final class Holder {
    PostgresFunction function;
  }

  /** A statement parameter ({@code ?}) as an operand takes the first signature's type. */
  private void inferUnknown(org.apache.calcite.sql.SqlCallBinding binding,
      RelDataType[] operandTypes) {
    Signature first = signatures.stream()
        .filter(s -> s.parameters().size() == operandTypes.length).findFirst()
        .orElse(signatures.get(0));
    for (int i = 0; i < operandTypes.length && i < first.parameters().size(); i++) {
      operandTypes[i] = binding.getTypeFactory().createTypeWithNullability(
          binding.getTypeFactory().createSqlType(first.parameters().get(i)), true);
    }
  }

  public static Builder named(String name, SqlFunctionCategory category) {
    return new Builder(name, category);
  }

  /** Writes the call as PostgreSQL spells it. */
  public void unparsePostgres(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    spelling.unparse(writer, call, leftPrec, rightPrec);
  }

  /** The signature a call with these operand types runs, or null when none accepts them. */
  public Signature signatureFor(List<RelDataType> operands) {
    Signature best = null;
    int bestExact = -1;
    for (Signature signature : signatures) {
      if (signature.accepts(operands)) {
        int exact = signature.exactMatches(operands);
        if (exact > bestExact) {
          best = signature;
          bestExact = exact;
        }
      }
    }
    return best;
  }

  public List<Signature> signatures() {
    return signatures;
  }

  private RelDataType returnType(SqlOperatorBinding binding) {
    List<RelDataType> operands = binding.collectOperandTypes();
    Signature signature = signatureFor(operands);
    RelDataTypeFactory types = binding.getTypeFactory();
    RelDataType type = signature.result().of(types, operands, binding);
    boolean nullable = !signature.strict()
        || operands.stream().anyMatch(RelDataType::isNullable) || type.isNullable();
    return types.createTypeWithNullability(type, nullable);
  }

  /** Whether an operand of this type can be given to a parameter of that type. */
  static boolean coercible(RelDataType operand, SqlTypeName parameter) {
    SqlTypeName type = operand.getSqlTypeName();
    if (type == parameter || type == SqlTypeName.NULL) {
      return true;
    }
    if (SqlTypeUtil.isInterval(operand)) {
      // Every interval of days and time is milliseconds, every interval of months months.
      return type.getFamily() == parameter.getFamily();
    }
    SqlTypeFamily family = parameter.getFamily();
    if (SqlTypeUtil.isNumeric(operand) && family == SqlTypeFamily.NUMERIC) {
      // PostgreSQL widens implicitly, not narrows: a numeric does not go to an integer.
      return rank(type) <= rank(parameter);
    }
    if (SqlTypeUtil.isCharacter(operand)) {
      // An unknown-type literal ('2024-01-01') is read as the parameter's type, as PostgreSQL
      // does; Calcite types such literals CHAR.
      return family == SqlTypeFamily.CHARACTER || parameter == SqlTypeName.DATE
          || parameter == SqlTypeName.TIMESTAMP;
    }
    return type == SqlTypeName.DATE && parameter == SqlTypeName.TIMESTAMP;
  }

  private static int rank(SqlTypeName type) {
    return switch (type) {
      case TINYINT -> 0;
      case SMALLINT -> 1;
      case INTEGER -> 2;
      case BIGINT -> 3;
      case DECIMAL -> 4;
      case REAL -> 5;
      case FLOAT, DOUBLE -> 6;
      default -> 7;
    };
  }

  /** Calcite's internal Java class for values of a type, as generated code holds them. */
  static Class<?> internalClass(SqlTypeName type) {
    return switch (type) {
      case BOOLEAN -> boolean.class;
      case TINYINT -> byte.class;
      case SMALLINT -> short.class;
      case INTEGER, DATE, TIME -> int.class;
      case BIGINT, TIMESTAMP -> long.class;
      case REAL -> float.class;
      case FLOAT, DOUBLE -> double.class;
      case DECIMAL -> BigDecimal.class;
      case CHAR, VARCHAR -> String.class;
      case BINARY, VARBINARY -> ByteString.class;
      case INTERVAL_YEAR, INTERVAL_YEAR_MONTH, INTERVAL_MONTH -> int.class;
      case INTERVAL_DAY, INTERVAL_DAY_HOUR, INTERVAL_DAY_MINUTE, INTERVAL_DAY_SECOND,
          INTERVAL_HOUR, INTERVAL_HOUR_MINUTE, INTERVAL_HOUR_SECOND, INTERVAL_MINUTE,
          INTERVAL_MINUTE_SECOND, INTERVAL_SECOND -> long.class;
      default -> Object.class;
    };
  }

  /** A type as PostgreSQL names it, for messages. */
  static String postgresName(SqlTypeName type) {
    return switch (type) {
      case VARCHAR, CHAR -> "text";
      case DOUBLE, FLOAT -> "double precision";
      case REAL -> "real";
      case DECIMAL -> "numeric";
      default -> type.getName().toLowerCase(Locale.ROOT);
    };
  }

  /** Operand checking: some signature must accept the operands. */
  private static final class Operands implements SqlOperandMetadata {
    private final Holder holder;

    Operands(Holder holder) {
      this.holder = holder;
    }

    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
      if (holder.function.signatureFor(binding.collectOperandTypes()) != null) {
        return true;
      }
      if (throwOnFailure) {
        throw binding.newValidationSignatureError();
      }
      return false;
    }

    @Override
    public SqlOperandCountRange getOperandCountRange() {
      int min = Integer.MAX_VALUE;
      int max = 0;
      for (Signature signature : holder.function.signatures) {
        min = Math.min(min, signature.parameters().size());
        max = Math.max(max, signature.parameters().size());
      }
      return SqlOperandCountRanges.between(min, max);
    }

    @Override
    public String getAllowedSignatures(SqlOperator op, String opName) {
      List<String> forms = new ArrayList<>();
      for (Signature signature : holder.function.signatures) {
        forms.add(opName.toLowerCase(Locale.ROOT) + "(" + String.join(", ",
            signature.parameters().stream().map(PostgresFunction::postgresName).toList()) + ")");
      }
      return String.join(", ", forms);
    }

    @Override
    public List<RelDataType> paramTypes(RelDataTypeFactory typeFactory) {
      return List.of();
    }

    @Override
    public List<String> paramNames() {
      return List.of();
    }
  }

  /** The code of a call: the chosen signature's method, with SQL's NULL rules. */
  private static final class Implementation implements ImplementableFunction,
      org.apache.calcite.schema.Function {
    private final Holder holder;

    Implementation(Holder holder) {
      this.holder = holder;
    }

    @Override
    public List<FunctionParameter> getParameters() {
      return List.of();
    }

    @Override
    public CallImplementor getImplementor() {
      return (translator, call, nullAs) -> {
        Signature signature = holder.function.signatureFor(
            call.getOperands().stream().map(o -> o.getType()).toList());
        CallImplementor implementor = RexImpTable.createImplementor(
            new ReflectiveCallNotNullImplementor(signature.method()),
            signature.strict() ? NullPolicy.STRICT : NullPolicy.NONE, false);
        return implementor.implement(translator, (RexCall) call, nullAs);
      };
    }
  }

  /** Declares a function signature by signature. */
  public static final class Builder {
    private final String name;
    private final SqlFunctionCategory category;
    private final List<Signature> signatures = new ArrayList<>();
    private Spelling spelling;

    private Builder(String name, SqlFunctionCategory category) {
      this.name = name;
      this.category = category;
      this.spelling = Spellings.call(name);
    }

    /**
     * A signature computed by the static method {@code holder.method}, whose parameters are the
     * internal Java classes of {@code parameters}; NULL in any operand gives NULL.
     */
    public Builder signature(ResultType result, Class<?> holder, String method,
        SqlTypeName... parameters) {
      return add(result, holder, method, true, parameters);
    }

    public Builder signature(SqlTypeName result, Class<?> holder, String method,
        SqlTypeName... parameters) {
      return add(ResultType.of(result), holder, method, true, parameters);
    }

    /** A signature whose method takes NULLs itself (boxed parameters). */
    public Builder nullAccepting(SqlTypeName result, Class<?> holder, String method,
        SqlTypeName... parameters) {
      return add(ResultType.of(result), holder, method, false, parameters);
    }

    private Builder add(ResultType result, Class<?> holder, String method, boolean strict,
        SqlTypeName... parameters) {
      signatures.add(new Signature(List.of(parameters), result,
          find(holder, method, strict, parameters), strict));
      return this;
    }

    public Builder spelled(Spelling spelling) {
      this.spelling = spelling;
      return this;
    }

    public PostgresFunction build() {
      return new PostgresFunction(name, category, signatures, spelling);
    }

    private static Method find(Class<?> holder, String name, boolean strict,
        SqlTypeName... parameters) {
      Class<?>[] classes = Arrays.stream(parameters).map(PostgresFunction::internalClass)
          .map(c -> strict ? c : Primitive.box(c)).toArray(Class<?>[]::new);
      try {
        Method method = holder.getMethod(name, classes);
        if (!Modifier.isStatic(method.getModifiers())) {
          throw new IllegalArgumentException(method + " is not static");
        }
        return method;
      } catch (NoSuchMethodException e) {
        throw new IllegalArgumentException("no method " + holder.getName() + "." + name
            + Arrays.toString(classes), e);
      }
    }
  }
}
