package io.jointure.sql.functions;

import io.jointure.sql.errors.ErrorCode;
import io.jointure.sql.errors.JointureException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.calcite.schema.impl.AggregateFunctionImpl;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlBasicAggFunction;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.validate.SqlUserDefinedAggFunction;
import org.apache.calcite.util.Optionality;

/**
 * {@code percentile_cont(f) WITHIN GROUP (ORDER BY x)} computed in Calcite's executor (which has
 * none): the value at fraction f of the ordered non-null values, interpolated linearly between
 * neighbours as PostgreSQL does, in double precision. {@link PercentileRule} puts it in place of
 * Calcite's operator where no source computes the aggregate.
 */
public final class PercentileCont {
  /**
   * {@code percentile_cont} as SQL sees it: Calcite's, but answering double precision as
   * PostgreSQL does (Calcite gives the ordering column's type, and a DECIMAL(12, 2) would cut
   * the interpolated value).
   */
  public static final SqlAggFunction OPERATOR = SqlBasicAggFunction
      .create("PERCENTILE_CONT", SqlKind.PERCENTILE_CONT,
          ReturnTypes.DOUBLE_FORCE_NULLABLE,
          OperandTypes.UNIT_INTERVAL_NUMERIC_LITERAL)
      .withFunctionType(SqlFunctionCategory.SYSTEM)
      .withGroupOrder(Optionality.MANDATORY)
      .withPercentile(true)
      .withAllowsFraming(false);

  /** The aggregate, taking the fraction (already reversed for a descending order) and a value. */
  public static final SqlUserDefinedAggFunction FUNCTION = new SqlUserDefinedAggFunction(
      new SqlIdentifier("percentile_cont", SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
      ReturnTypes.DOUBLE_NULLABLE, InferTypes.FIRST_KNOWN, null,
      AggregateFunctionImpl.create(PercentileCont.class), false, false, Optionality.FORBIDDEN);

  /** The fraction and the values of one group. */
  public static final class Accumulator {
    double fraction = Double.NaN;
    final List<Double> values = new ArrayList<>();
  }

  public PercentileCont() {
  }

  public Accumulator init() {
    return new Accumulator();
  }

  public Accumulator add(Accumulator accumulator, Double fraction, Double value) {
    if (fraction != null) {
      if (fraction < 0 || fraction > 1) {
        throw new JointureException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
            "percentile value " + fraction + " is not between 0 and 1");
      }
      accumulator.fraction = fraction;
    }
    if (value != null) {
      accumulator.values.add(value);
    }
    return accumulator;
  }

  public Double result(Accumulator accumulator) {
    List<Double> values = accumulator.values;
    if (values.isEmpty() || Double.isNaN(accumulator.fraction)) {
      return null;
    }
    Collections.sort(values);
    double position = accumulator.fraction * (values.size() - 1);
    int below = (int) Math.floor(position);
    int above = (int) Math.ceil(position);
    double low = values.get(below);
    return low + (values.get(above) - low) * (position - below);
  }
}
