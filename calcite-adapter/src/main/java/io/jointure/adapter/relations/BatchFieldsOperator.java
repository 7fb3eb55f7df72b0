package io.jointure.adapter.relations;

import io.jointure.adapter.BatchedEnumerator;
import io.jointure.adapter.execution.QueryControl;
import io.jointure.model.JavaComputedField;
import io.jointure.model.Row;
import io.jointure.sql.errors.ErrorCode;
import io.jointure.sql.errors.JointureException;
import io.jointure.sql.values.SqlValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;

/**
 * The run-time side of {@link BatchFields}: reads {@link #BATCH_SIZE} input rows at a time, calls
 * each field's function once per batch with the batch's distinct dependency values, and appends
 * the answers to the rows. Values cross in Java types (LocalDate, LocalDateTime, ...), not in
 * Calcite's internal ones.
 */
public final class BatchFieldsOperator {
  /** Rows per call of a field's function. */
  static final int BATCH_SIZE = 1000;

  static final java.lang.reflect.Method APPLY =
      org.apache.calcite.linq4j.tree.Types.lookupMethod(BatchFieldsOperator.class, "apply",
          Enumerable.class, DataContext.class);

  /**
   * Where the fields' functions run: off the query's thread, so that a stopped query fails at
   * once even while a function is still computing (it is interrupted).
   */
  private static final ExecutorService FUNCTIONS = Executors.newCachedThreadPool(r -> {
    Thread thread = new Thread(r, "jointure-computed-field");
    thread.setDaemon(true);
    return thread;
  });

  private final List<JavaComputedField> fields;
  private final List<int[]> dependencies;
  private final List<RelDataType> inputTypes;
  private final List<RelDataType> fieldTypes;

  BatchFieldsOperator(List<JavaComputedField> fields, List<int[]> dependencies,
      List<RelDataType> inputTypes, List<RelDataType> fieldTypes) {
    this.fields = fields;
    this.dependencies = dependencies;
    this.inputTypes = inputTypes;
    this.fieldTypes = fieldTypes;
  }

  /** Called by generated code. */
  public Enumerable<Object[]> apply(Enumerable<Object[]> input, DataContext context) {
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        QueryControl control = QueryControl.of(context);
        return new BatchedEnumerator<>(control, input.enumerator(), BATCH_SIZE,
            batch -> complete(batch, control));
      }
    };
  }

  private List<Object[]> complete(List<Object[]> batch, QueryControl control) {
    int width = inputTypes.size();
    List<Object[]> out = new ArrayList<>(batch.size());
    for (Object[] row : batch) {
      out.add(Arrays.copyOf(row, width + fields.size()));
    }
    for (int f = 0; f < fields.size(); f++) {
      JavaComputedField field = fields.get(f);
      int[] deps = dependencies.get(f);
      // Distinct dependency values, in first-seen order; each batch row points at one.
      Map<List<Object>, Integer> distinct = new LinkedHashMap<>();
      int[] slot = new int[batch.size()];
      for (int r = 0; r < batch.size(); r++) {
        List<Object> key = new ArrayList<>(deps.length);
        for (int d : deps) {
          key.add(batch.get(r)[d]);
        }
        slot[r] = distinct.computeIfAbsent(key, k -> distinct.size());
      }
      List<Row> rows = new ArrayList<>(distinct.size());
      for (List<Object> key : distinct.keySet()) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < deps.length; i++) {
          values.put(field.dependencies().get(i), external(key.get(i), inputTypes.get(deps[i])));
        }
        rows.add(new Row(values));
      }
      List<Object> answers;
      try {
        answers = control.await(FUNCTIONS.submit(() -> field.function().apply(rows)));
      } catch (ExecutionException e) {
        throw new JointureException(ErrorCode.EXTERNAL_ROUTINE_EXCEPTION, "computed field '"
            + field.name() + "' of " + field.collection() + " failed: " + e.getCause(),
            e.getCause());
      }
      if (answers == null || answers.size() != rows.size()) {
        throw new JointureException(ErrorCode.EXTERNAL_ROUTINE_EXCEPTION, "computed field '"
            + field.name() + "' of " + field.collection() + " answered "
            + (answers == null ? "null" : answers.size()
            + " values") + " for " + rows.size() + " rows; answer one value per row, in order");
      }
      for (int r = 0; r < batch.size(); r++) {
        out.get(r)[width + f] = internal(answers.get(slot[r]), fieldTypes.get(f), field);
      }
    }
    return out;
  }

  private static Object external(Object value, RelDataType type) {
    return SqlValues.toJava(value, type.getSqlTypeName());
  }

  /** A function's answer as Calcite's internal value, or an error naming the field. */
  private static Object internal(Object value, RelDataType type, JavaComputedField field) {
    try {
      return SqlValues.toInternal(value, type.getSqlTypeName());
    } catch (ClassCastException | NumberFormatException | ArithmeticException e) {
      throw new JointureException(ErrorCode.EXTERNAL_ROUTINE_EXCEPTION, "computed field '"
          + field.name() + "' of " + field.collection() + " answered a "
          + value.getClass().getSimpleName()
          + " where its type is " + type.getFullTypeString(), e);
    }
  }
}
