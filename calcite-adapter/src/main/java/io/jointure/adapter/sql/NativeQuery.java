package io.jointure.adapter.sql;

import io.jointure.adapter.KeyLookup;
import io.jointure.adapter.execution.SourceCursor;
import io.jointure.adapter.request.SourceRequest;
import io.jointure.sql.values.SqlValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;
import org.postgresql.core.BaseConnection;

/**
 * One SQL query to one source, ready to run: text with {@code ?} placeholders, where each
 * placeholder's value comes from (a user's statement parameter or a bound literal), and the
 * types of the columns. Generated code calls {@link #enumerable(DataContext)}; rows stream from the
 * source in batches of the datasource's fetch size.
 */
public final class NativeQuery {
  private final SqlSource source;
  private final String sql;
  private final List<Integer> parameterIndexes;
  private final List<Object> literalValues;
  private final Map<Integer, SqlTypeName> userParameterTypes;
  private final List<RelDataType> columnTypes;
  private final boolean scalarRows;

  NativeQuery(SqlSource source, String sql, List<Integer> parameterIndexes,
      List<Object> literalValues, Map<Integer, SqlTypeName> userParameterTypes,
      List<RelDataType> columnTypes, boolean scalarRows) {
    this.source = source;
    this.sql = sql;
    this.parameterIndexes = List.copyOf(parameterIndexes);
    this.literalValues = literalValues;
    this.userParameterTypes = userParameterTypes;
    this.columnTypes = columnTypes;
    this.scalarRows = scalarRows;
  }

  public String sql() {
    return sql;
  }

  /** The bound literal values; user parameters are shown as {@code ?N}. */
  public List<Object> describedParameters() {
    List<Object> described = new ArrayList<>();
    for (int index : parameterIndexes) {
      described.add(index >= ParameterBinder.FIRST_LITERAL_INDEX
          ? literalValues.get(index - ParameterBinder.FIRST_LITERAL_INDEX) : "?" + index);
    }
    return described;
  }

  /** Called by generated code. */
  public Enumerable<Object> enumerable(DataContext context) {
    return rows(context, null, null);
  }

  private Enumerable<Object> rows(DataContext context, List<String> keyTypes,
      List<Object[]> keys) {
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object> enumerator() {
        return new RowEnumerator(context, keyTypes, keys);
      }
    };
  }

  /**
   * This query restricted to rows whose key columns hold one of a list of keys, each key column's
   * values sent as one array parameter: {@code SELECT * FROM (<query>) AS k(c0, c1, ...) WHERE
   * c<i> = ANY(?)}, or for a composite key {@code WHERE (c<i>, c<j>) IN (SELECT * FROM
   * unnest(?, ?))} (the column list renames the query's columns, whatever names it gives them).
   *
   * @param keyTypes PostgreSQL's names for the arrays' element types ({@code int8}, {@code text})
   */
  public KeyLookup keyLookup(List<Integer> keyColumns, List<String> keyTypes) {
    StringBuilder columns = new StringBuilder();
    for (int i = 0; i < columnTypes.size(); i++) {
      columns.append(i == 0 ? "" : ", ").append("c").append(i);
    }
    String condition;
    if (keyColumns.size() == 1) {
      condition = "c" + keyColumns.get(0) + " = ANY(?)";
    } else {
      StringBuilder tuple = new StringBuilder();
      StringBuilder arrays = new StringBuilder();
      for (int i = 0; i < keyColumns.size(); i++) {
        tuple.append(i == 0 ? "" : ", ").append("c").append(keyColumns.get(i));
        arrays.append(i == 0 ? "" : ", ").append("CAST(? AS ").append(keyTypes.get(i))
            .append("[])");
      }
      condition = "(" + tuple + ") IN (SELECT * FROM unnest(" + arrays + "))";
    }
    NativeQuery restricted = new NativeQuery(source, "SELECT * FROM (" + sql
        + ") AS jointure_keys(" + columns + ") WHERE " + condition,
        parameterIndexes, literalValues, userParameterTypes, columnTypes, scalarRows);
    List<String> types = List.copyOf(keyTypes);
    return new KeyLookup() {
      @Override
      public Enumerable<Object> rowsWithKeys(DataContext context, List<Object[]> keys) {
        return restricted.rows(context, types, keys);
      }

      @Override
      public Enumerable<Object> allRows(DataContext context) {
        return enumerable(context);
      }

      @Override
      public String describe() {
        return restricted.sql;
      }
    };
  }

  /**
   * One key column's values as PostgreSQL reads them from an array: Calcite's days, milliseconds
   * of the day and milliseconds since the epoch (wall clock) become ISO text for date, time and
   * timestamp arrays.
   */
  private static Object[] keyArray(List<Object[]> keys, int column, String keyType) {
    Object[] values = new Object[keys.size()];
    for (int i = 0; i < values.length; i++) {
      Object value = keys.get(i)[column];
      values[i] = switch (keyType) {
        case "date", "time", "timestamp" -> jdbcValue(value, switch (keyType) {
          case "date" -> SqlTypeName.DATE;
          case "time" -> SqlTypeName.TIME;
          default -> SqlTypeName.TIMESTAMP;
        }).toString();
        default -> value;
      };
    }
    return values;
  }

  private List<Object> parameterValues(DataContext context) {
    List<Object> values = new ArrayList<>(parameterIndexes.size());
    for (int index : parameterIndexes) {
      values.add(index >= ParameterBinder.FIRST_LITERAL_INDEX
          ? literalValues.get(index - ParameterBinder.FIRST_LITERAL_INDEX)
          : jdbcValue(context.get("?" + index), userParameterTypes.get(index)));
    }
    return values;
  }

  /**
   * A statement parameter's value as JDBC binds it: Calcite hands over dates as days, times as
   * milliseconds of the day and timestamps as milliseconds, which PostgreSQL would take for numbers.
   */
  private static Object jdbcValue(Object value, SqlTypeName type) {
    return SqlValues.toJava(value, type);
  }

  private static void bind(PreparedStatement ps, List<Object> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      Object value = values.get(i);
      if (value == null) {
        ps.setNull(i + 1, Types.NULL);
      } else if (value instanceof java.sql.Array array) {
        ps.setArray(i + 1, array);
      } else if (value instanceof ByteString bytes) {
        ps.setBytes(i + 1, bytes.getBytes());
      } else {
        ps.setObject(i + 1, value);
      }
    }
  }

  /**
   * Runs the query on first {@link #moveNext()} and releases everything on {@link #close()}; a
   * stopped query cancels the statement in PostgreSQL.
   */
  private final class RowEnumerator extends SourceCursor {
    private final List<String> keyTypes;
    private final List<Object[]> keys;
    private final DataContext context;
    private SqlSource.Lease lease;
    private Connection connection;
    private PreparedStatement statement;
    /** Once released, the connection may serve another query: an abort must not reach it. */
    private boolean released;
    private ResultSet resultSet;
    private ColumnReader[] readers;
    private List<Object> parameters = List.of();

    RowEnumerator(DataContext context, List<String> keyTypes, List<Object[]> keys) {
      super(context);
      this.context = context;
      this.keyTypes = keyTypes;
      this.keys = keys;
    }

    @Override
    protected void open() throws SQLException {
      parameters = parameterValues(context);
      lease = source.lease(control);
      connection = lease.connection();
      if (keys != null) {
        parameters = new ArrayList<>(parameters);
        for (int i = 0; i < keyTypes.size(); i++) {
          parameters.add(connection.createArrayOf(keyTypes.get(i),
              keyArray(keys, i, keyTypes.get(i))));
        }
      }
      PreparedStatement prepared = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
          ResultSet.CONCUR_READ_ONLY);
      synchronized (this) {
        statement = prepared;
      }
      prepared.setFetchSize(source.config().fetchSize());
      long remaining = control.remainingMillis();
      if (remaining > 0) {
        // The database stops by itself too, should the cancel not reach it.
        prepared.setQueryTimeout((int) Math.max(1, (remaining + 999) / 1000));
      }
      bind(prepared, parameters);
      control.check(); // stopped while connecting: the cancel had no statement to reach
      resultSet = prepared.executeQuery();
      ResultSetMetaData metaData = resultSet.getMetaData();
      readers = new ColumnReader[columnTypes.size()];
      for (int i = 0; i < readers.length; i++) {
        readers[i] = ColumnReader.of(columnTypes.get(i), metaData.getColumnTypeName(i + 1));
      }
    }

    @Override
    protected boolean advance() throws SQLException {
      return resultSet.next();
    }

    @Override
    protected synchronized void abort() {
      if (released || statement == null) {
        return;
      }
      try {
        // pgjdbc's Statement.cancel() acts only while executeQuery runs; a query waiting for its
        // next batch of rows is cancelled through its connection (shared only by cursors of the
        // same query, which stops as a whole).
        if (connection.isWrapperFor(BaseConnection.class)) {
          connection.unwrap(BaseConnection.class).cancelQuery();
        } else {
          statement.cancel();
        }
      } catch (SQLException e) {
        // Closing the cursor still ends the statement with its transaction.
      }
    }

    @Override
    protected RuntimeException failure(Exception e) {
      return e instanceof SQLException sql ? new SourceException(source, "", sql) : unchecked(e);
    }

    @Override
    protected Object read() throws SQLException {
      return readRow();
    }

    private Object readRow() throws SQLException {
      if (scalarRows) {
        return readers[0].read(resultSet, 1);
      }
      Object[] row = new Object[readers.length];
      for (int i = 0; i < row.length; i++) {
        row[i] = readers[i].read(resultSet, i + 1);
      }
      return row;
    }

    /** The bound values, with each key array shown as its list of values. */
    private List<Object> described() {
      if (keys == null || parameters.isEmpty()) {
        return parameters;
      }
      int arrays = keyTypes.size();
      List<Object> shown = new ArrayList<>(parameters.subList(0, parameters.size() - arrays));
      for (int i = 0; i < arrays; i++) {
        List<Object> values = new ArrayList<>(keys.size());
        for (Object[] key : keys) {
          values.add(key[i]);
        }
        shown.add(values);
      }
      return shown;
    }

    @Override
    protected synchronized void release() throws SQLException {
      released = true;
      try (PreparedStatement s = statement; ResultSet r = resultSet) {
        // closed before the connection goes back
      } finally {
        if (lease != null) {
          lease.release();
        }
      }
    }

    @Override
    protected void logRequest(long rows) {
      if (connection != null) { // no connection: the source was unreachable, nothing was sent
        source.requestLog().record(new SourceRequest(source.name(), sql, described(), rows));
      }
    }
  }
}
