package io.jointure.pgwire.session;

import io.jointure.pgwire.types.ColumnType;
import io.jointure.pgwire.types.PgType;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement prepared in a session (Parse, or each statement of a simple query): what it is,
 * its parameters' types, its result columns and, for a query, the Jointure statement that runs
 * it. Prepared once, run by as many portals as the client binds.
 */
final class PreparedQuery implements AutoCloseable {
  final SessionCommand command;
  final Placeholders placeholders;
  /** The types Parse gave, by parameter number - 1; 0 where the client left it to the server. */
  private final List<Integer> declaredOids;
  /** For queries: the Jointure statement, its result columns, its parameters' JDBC types. */
  private final PreparedStatement statement;
  private final List<String> columnNames;
  private final List<ColumnType> columnTypes;
  private final List<Integer> jdbcParameterTypes;
  /** What ParameterDescription says, computed once: Bind reads it for every value. */
  private final List<Integer> parameterOids;
  /** A portal is reading the statement's result: another portal prepares its own. */
  private boolean inUse;
  private boolean closed;

  private PreparedQuery(SessionCommand command, Placeholders placeholders,
      List<Integer> declaredOids, PreparedStatement statement, List<String> columnNames,
      List<ColumnType> columnTypes, List<Integer> jdbcParameterTypes) {
    this.command = command;
    this.placeholders = placeholders;
    this.declaredOids = declaredOids;
    this.statement = statement;
    this.columnNames = columnNames;
    this.columnTypes = columnTypes;
    this.jdbcParameterTypes = jdbcParameterTypes;
    this.parameterOids = describeParameters();
  }

  static PreparedQuery prepare(Connection connection, String sql, List<Integer> declaredOids)
      throws SQLException {
    SessionCommand command = SessionCommand.of(sql);
    Placeholders placeholders = Placeholders.of(sql);
    if (command.kind() != SessionCommand.Kind.QUERY && command.kind() != SessionCommand.Kind.EXPLAIN) {
      return new PreparedQuery(command, placeholders, declaredOids, null, null, null, List.of());
    }
    String jdbcSql = command.kind() == SessionCommand.Kind.EXPLAIN
        ? Explain.jdbcSql(placeholders.jdbcSql()) : placeholders.jdbcSql();
    PreparedStatement statement = connection.prepareStatement(jdbcSql);
    try {
      List<Integer> parameterTypes = new ArrayList<>();
      if (!placeholders.numbers().isEmpty()) {
        ParameterMetaData pmd = statement.getParameterMetaData();
        for (int i = 1; i <= placeholders.numbers().size(); i++) {
          parameterTypes.add(pmd.getParameterType(i));
        }
      }
      if (command.kind() == SessionCommand.Kind.EXPLAIN) {
        return new PreparedQuery(command, placeholders, declaredOids, statement,
            List.of(Explain.COLUMN), List.of(new ColumnType(PgType.TEXT, false, -1)),
            parameterTypes);
      }
      ResultSetMetaData md = statement.getMetaData();
      List<String> names = new ArrayList<>();
      List<ColumnType> types = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        names.add(md.getColumnLabel(i));
        types.add(ColumnType.of(md, i));
      }
      return new PreparedQuery(command, placeholders, declaredOids, statement, names, types,
          parameterTypes);
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  /** The OIDs ParameterDescription gives, one per {@code $n}. */
  List<Integer> parameterOids() {
    return parameterOids;
  }

  private List<Integer> describeParameters() {
    int count = Math.max(placeholders.parameterCount(), declaredOids.size());
    List<Integer> oids = new ArrayList<>(count);
    for (int n = 1; n <= count; n++) {
      int declared = n <= declaredOids.size() ? declaredOids.get(n - 1) : 0;
      oids.add(declared != 0 ? declared : inferredOid(n));
    }
    return oids;
  }

  private int inferredOid(int number) {
    int at = placeholders.numbers().indexOf(number);
    if (at < 0 || at >= jdbcParameterTypes.size()) {
      return PgType.TEXT.oid;
    }
    int jdbcType = jdbcParameterTypes.get(at);
    return jdbcType == Types.OTHER || jdbcType == Types.NULL || jdbcType == Types.JAVA_OBJECT
        ? PgType.TEXT.oid : ColumnType.ofParameter(jdbcType, null, -1, -1).oid();
  }

  /**
   * The type parameter {@code number}'s value comes in: the one Parse declared, or the one
   * ParameterDescription told the client (clients that leave types to the server send binary
   * values of those); null for a type this server cannot read in binary (an array).
   */
  PgType sentType(int number) {
    int oid = parameterOids().get(number - 1);
    return PgType.ofOid(oid);
  }

  /** The JDBC type Jointure inferred for the {@code i}-th (0-based) {@code ?}. */
  int jdbcParameterType(int i) {
    return i < jdbcParameterTypes.size() ? jdbcParameterTypes.get(i) : Types.VARCHAR;
  }

  /** Result columns, or null for a statement that returns no rows. */
  List<String> columnNames() {
    return columnNames == null && command.kind() == SessionCommand.Kind.SHOW
        ? Show.columnNames(command) : columnNames;
  }

  List<ColumnType> columnTypes() {
    if (columnTypes == null && command.kind() == SessionCommand.Kind.SHOW) {
      return Show.columnNames(command).stream()
          .map(name -> new ColumnType(PgType.TEXT, false, -1)).toList();
    }
    return columnTypes;
  }

  /** The statement to run a portal with: this one, or a new one while a portal reads this one. */
  PreparedStatement take(Connection connection) throws SQLException {
    if (!inUse) {
      inUse = true;
      return statement;
    }
    return connection.prepareStatement(command.kind() == SessionCommand.Kind.EXPLAIN
        ? Explain.jdbcSql(placeholders.jdbcSql()) : placeholders.jdbcSql());
  }

  /** A portal is done with {@code used}. */
  void giveBack(PreparedStatement used) throws SQLException {
    if (used == statement) {
      inUse = false;
      if (closed) {
        statement.close();
      }
    } else {
      used.close();
    }
  }

  /**
   * The client closed or replaced the statement. A portal still reading it keeps it, as in
   * PostgreSQL, where portals outlive their statement; it closes when the portal gives it back.
   */
  @Override
  public void close() throws SQLException {
    closed = true;
    if (statement != null && !inUse) {
      statement.close();
    }
  }
}
