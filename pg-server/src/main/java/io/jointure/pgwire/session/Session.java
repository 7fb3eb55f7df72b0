package io.jointure.pgwire.session;

import io.jointure.pgwire.protocol.ErrorMessages;
import io.jointure.pgwire.protocol.ExtendedQueryMessages;
import io.jointure.pgwire.protocol.FrontendMessage;
import io.jointure.pgwire.protocol.PgError;
import io.jointure.pgwire.protocol.ResultMessages;
import io.jointure.pgwire.protocol.SessionMessages;
import io.jointure.pgwire.protocol.SessionMessages.TransactionStatus;
import io.jointure.pgwire.types.BinaryFormat;
import io.jointure.pgwire.types.ColumnType;
import io.jointure.pgwire.types.ParameterValues;
import io.jointure.pgwire.types.TextFormat;
import io.jointure.sql.parser.SqlStatements;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One client's session: a Jointure connection (the same engine, limits and plan cache as the
 * embedded driver), its prepared statements and portals, its settings and transaction state.
 * Runs the simple and extended query protocols on one thread at a time; {@link #cancel()} may
 * come from any thread.
 */
public final class Session implements AutoCloseable {
  private static final String UNNAMED = "";
  private static final String IN_FAILED_TRANSACTION = "25P02";
  private static final String READ_ONLY_TRANSACTION = "25006";

  private final Connection connection;
  private final SessionSettings settings;
  private final MessageSink sink;
  /** Makes the catalog syntax of clients' catalog queries plain SQL. */
  private final UnaryOperator<String> catalogSyntax;
  private final Map<String, PreparedQuery> statements = new HashMap<>();
  private final Map<String, Portal> portals = new HashMap<>();
  private TransactionStatus status = TransactionStatus.IDLE;
  /** After an error in the extended protocol, messages are skipped until Sync. */
  private boolean skipUntilSync;
  private volatile Statement running;

  public Session(Connection connection, SessionSettings settings, MessageSink sink,
      UnaryOperator<String> catalogSyntax) {
    this.connection = connection;
    this.settings = settings;
    this.sink = sink;
    this.catalogSyntax = catalogSyntax;
  }

  public SessionSettings settings() {
    return settings;
  }

  public void readyForQuery() {
    SessionMessages.readyForQuery(sink.buffer(), status);
    sink.send();
  }

  /** Handles one message of the simple or extended query protocol. */
  public void handle(FrontendMessage message) {
    if (message instanceof FrontendMessage.Query query) {
      simpleQuery(query.sql());
      return;
    }
    if (message instanceof FrontendMessage.Sync) {
      sync();
      return;
    }
    if (message instanceof FrontendMessage.Flush) {
      sink.send();
      return;
    }
    if (message instanceof FrontendMessage.Unsupported unsupported) {
      if (unsupported.type() == 'F') {
        // A function call is a cycle of its own: its error, then ReadyForQuery.
        fail(new SessionException("0A000", "the function call protocol is not supported by"
            + " Jointure's PostgreSQL protocol server"), null);
        readyForQuery();
      }
      return; // COPY data outside COPY: ignored, as PostgreSQL does
    }
    if (skipUntilSync) {
      return;
    }
    String sql = message instanceof FrontendMessage.Parse parse ? parse.sql() : null;
    try {
      if (message instanceof FrontendMessage.Parse parse) {
        parse(parse);
      } else if (message instanceof FrontendMessage.Bind bind) {
        bind(bind);
      } else if (message instanceof FrontendMessage.Describe describe) {
        describe(describe);
      } else if (message instanceof FrontendMessage.Execute execute) {
        sql = portalText(execute.portal());
        execute(execute.portal(), execute.maxRows());
      } else if (message instanceof FrontendMessage.Close close) {
        close(close);
      } else {
        throw new SessionException("08P01", "unexpected message "
            + message.getClass().getSimpleName() + " during a session");
      }
    } catch (SQLException | RuntimeException e) {
      fail(e, sql);
      skipUntilSync = true;
    }
  }

  private String portalText(String name) {
    Portal portal = portals.get(name);
    return portal == null ? null : portal.query.command.text();
  }

  private void simpleQuery(String text) {
    List<String> parts = SqlStatements.of(text);
    if (parts.isEmpty()) {
      ResultMessages.emptyQueryResponse(sink.buffer());
    }
    for (String sql : parts) {
      try (PreparedQuery query = prepareChecked(sql, List.of())) {
        Portal portal = new Portal(query, List.of(), List.of());
        try {
          if (query.columnNames() != null) {
            ResultMessages.rowDescription(sink.buffer(), columns(query),
                textFormats(query.columnNames().size()));
          }
          run(portal, 0);
        } finally {
          portal.close();
        }
      } catch (SQLException | RuntimeException e) {
        fail(e, sql);
        break;
      }
    }
    closeUnnamedPortal();
    if (status == TransactionStatus.IDLE) {
      closePortals();
    }
    readyForQuery();
  }

  private PreparedQuery prepareChecked(String sql, List<Integer> types) throws SQLException {
    SessionCommand command = SessionCommand.of(sql);
    requireNotFailed(command);
    if (command.kind() == SessionCommand.Kind.WRITE) {
      throw new SessionException(READ_ONLY_TRANSACTION, "cannot execute " + command.verb()
          + " in a read-only transaction: Jointure answers queries, its sources are not written");
    }
    String plain;
    try {
      plain = catalogSyntax.apply(sql);
    } catch (io.jointure.pgwire.catalog.CatalogSyntaxException e) {
      throw new SessionException(e.sqlState(), e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new SessionException("42601", e.getMessage());
    }
    return PreparedQuery.prepare(connection, plain, types);
  }

  private void parse(FrontendMessage.Parse parse) throws SQLException {
    if (!parse.name().equals(UNNAMED) && statements.containsKey(parse.name())) {
      throw new SessionException("42P05", "prepared statement \"" + parse.name()
          + "\" already exists");
    }
    PreparedQuery query = prepareChecked(parse.sql(), parse.parameterTypes());
    PreparedQuery replaced = statements.put(parse.name(), query);
    if (replaced != null) {
      replaced.close();
    }
    ExtendedQueryMessages.parseComplete(sink.buffer());
  }

  private void requireNotFailed(SessionCommand command) {
    if (status == TransactionStatus.FAILED && command.kind() != SessionCommand.Kind.ROLLBACK
        && command.kind() != SessionCommand.Kind.COMMIT) {
      throw new SessionException(IN_FAILED_TRANSACTION, "current transaction is aborted,"
          + " commands ignored until end of transaction block");
    }
  }

  private void bind(FrontendMessage.Bind bind) throws SQLException {
    PreparedQuery query = statements.get(bind.statement());
    if (query == null) {
      throw new SessionException("26000", "prepared statement \"" + bind.statement()
          + "\" does not exist");
    }
    requireNotFailed(query.command);
    if (!bind.portal().equals(UNNAMED) && portals.containsKey(bind.portal())) {
      throw new SessionException("42P03", "portal \"" + bind.portal() + "\" already exists");
    }
    int expected = query.parameterOids().size();
    if (bind.values().size() != expected) {
      throw new SessionException("08P01", "bind message supplies " + bind.values().size()
          + " parameters, but prepared statement \"" + bind.statement() + "\" requires "
          + expected);
    }
    List<Object> values = new ArrayList<>();
    List<Integer> numbers = query.placeholders.numbers();
    for (int i = 0; i < numbers.size(); i++) {
      int n = numbers.get(i);
      short format = formatOf(bind.parameterFormats(), n - 1, "parameter");
      try {
        values.add(ParameterValues.decode(n, bind.values().get(n - 1), format,
            query.sentType(n), query.jdbcParameterType(i)));
      } catch (IllegalArgumentException e) {
        throw new SessionException("22P02", e.getMessage());
      }
    }
    int columns = query.columnNames() == null ? 0 : query.columnNames().size();
    List<Short> formats = new ArrayList<>(columns);
    for (int c = 0; c < columns; c++) {
      short format = formatOf(bind.resultFormats(), c, "result column");
      if (format == 1 && !BinaryFormat.supports(query.columnTypes().get(c))) {
        throw new SessionException("0A000", "no binary output for column \""
            + query.columnNames().get(c) + "\" of type " + query.columnTypes().get(c).type()
            .typeName + "; ask for it in text");
      }
      formats.add(format);
    }
    Portal replaced = portals.put(bind.portal(), new Portal(query, values, formats));
    if (replaced != null) {
      replaced.close();
    }
    ExtendedQueryMessages.bindComplete(sink.buffer());
  }

  /** Format codes: none (all text), one for all, or one each. */
  private static short formatOf(List<Short> formats, int index, String what) {
    if (formats.isEmpty()) {
      return 0;
    }
    if (formats.size() == 1) {
      return formats.get(0);
    }
    if (index >= formats.size()) {
      throw new SessionException("08P01", "no format code for " + what + " " + (index + 1)
          + ": " + formats.size() + " codes were sent");
    }
    return formats.get(index);
  }

  private void describe(FrontendMessage.Describe describe) {
    if (describe.kind() == 'S') {
      PreparedQuery query = statements.get(describe.name());
      if (query == null) {
        throw new SessionException("26000", "prepared statement \"" + describe.name()
            + "\" does not exist");
      }
      ExtendedQueryMessages.parameterDescription(sink.buffer(), query.parameterOids());
      describeRows(query, textFormats(query.columnNames() == null ? 0
          : query.columnNames().size()));
    } else {
      Portal portal = portals.get(describe.name());
      if (portal == null) {
        throw new SessionException("34000", "portal \"" + describe.name() + "\" does not exist");
      }
      describeRows(portal.query, portal.formats);
    }
  }

  private void describeRows(PreparedQuery query, List<Short> formats) {
    if (query.columnNames() == null) {
      ResultMessages.noData(sink.buffer());
    } else {
      ResultMessages.rowDescription(sink.buffer(), columns(query), formats);
    }
  }

  private void execute(String name, int maxRows) throws SQLException {
    Portal portal = portals.get(name);
    if (portal == null) {
      throw new SessionException("34000", "portal \"" + name + "\" does not exist");
    }
    requireNotFailed(portal.query.command);
    run(portal, maxRows);
  }

  /** Runs a portal, or goes on with it, for at most {@code maxRows} rows (0: all). */
  private void run(Portal portal, int maxRows) throws SQLException {
    PreparedQuery query = portal.query;
    SessionCommand command = query.command;
    switch (command.kind()) {
      case EMPTY -> ResultMessages.emptyQueryResponse(sink.buffer());
      case QUERY, EXPLAIN, SHOW -> sendRows(portal, maxRows);
      default -> ResultMessages.commandComplete(sink.buffer(), sessionCommand(command));
    }
  }

  private void sendRows(Portal portal, int maxRows) throws SQLException {
    if (portal.done) {
      ResultMessages.commandComplete(sink.buffer(), tag(portal, 0));
      return;
    }
    if (!portal.started()) {
      start(portal);
    }
    List<ColumnType> types = portal.query.columnTypes();
    int columns = types.size();
    long inThisRun = 0;
    running = portal.statement; // reading rows runs the query too: cancel reaches it
    try {
    while (maxRows <= 0 || inThisRun < maxRows) {
      if (portal.madeRows != null) {
        if (!portal.madeRows.hasNext()) {
          break;
        }
        List<String> row = portal.madeRows.next();
        ByteBuf out = sink.buffer();
        int at = ResultMessages.beginDataRow(out, columns);
        for (String value : row) {
          ResultMessages.value(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        }
        ResultMessages.endDataRow(out, at);
      } else {
        if (!portal.rows.next()) {
          break;
        }
        // Every value first: a value that fails to encode leaves no half a row on the wire.
        byte[][] values = new byte[columns][];
        for (int c = 0; c < columns; c++) {
          values[c] = portal.formats.isEmpty() || portal.formats.get(c) == 0
              ? TextFormat.encode(portal.rows, c + 1, types.get(c))
              : BinaryFormat.encode(portal.rows, c + 1, types.get(c));
        }
        ByteBuf out = sink.buffer();
        int at = ResultMessages.beginDataRow(out, columns);
        for (byte[] value : values) {
          ResultMessages.value(out, value);
        }
        ResultMessages.endDataRow(out, at);
      }
      inThisRun++;
      portal.sent++;
      sink.sendIfFull();
    }
    } finally {
      running = null;
    }
    if (maxRows > 0 && inThisRun == maxRows) {
      ResultMessages.portalSuspended(sink.buffer());
      return;
    }
    portal.done = true;
    portal.close();
    ResultMessages.commandComplete(sink.buffer(), tag(portal, inThisRun));
  }

  /** CommandComplete's tag: SHOW, EXPLAIN, or SELECT with the rows of this Execute. */
  private static String tag(Portal portal, long rows) {
    return switch (portal.query.command.kind()) {
      case SHOW -> "SHOW";
      case EXPLAIN -> "EXPLAIN";
      default -> "SELECT " + rows;
    };
  }

  private void start(Portal portal) throws SQLException {
    PreparedQuery query = portal.query;
    if (query.command.kind() == SessionCommand.Kind.SHOW) {
      portal.madeRows = Show.rows(query.command, settings).iterator();
      return;
    }
    PreparedStatement statement = query.take(connection);
    portal.statement = statement;
    for (int i = 0; i < portal.values.size(); i++) {
      statement.setObject(i + 1, portal.values.get(i));
    }
    running = statement;
    try {
      portal.rows = statement.executeQuery();
    } finally {
      running = null;
    }
    if (query.command.kind() == SessionCommand.Kind.EXPLAIN) {
      List<List<String>> lines = new ArrayList<>();
      while (portal.rows.next()) {
        Explain.lines(portal.rows.getString(1)).forEach(line -> lines.add(List.of(line)));
      }
      portal.close();
      portal.madeRows = lines.iterator();
    }
  }

  /** Runs a command about the session itself; answers its CommandComplete tag. */
  private String sessionCommand(SessionCommand command) {
    switch (command.kind()) {
      case BEGIN:
        if (status == TransactionStatus.IDLE) {
          status = TransactionStatus.IN_TRANSACTION;
        } else {
          ErrorMessages.notice(sink.buffer(), new PgError(PgError.Severity.WARNING, "25001",
              "there is already a transaction in progress", null, null, 0));
        }
        return command.word(0).equals("start") ? "START TRANSACTION" : "BEGIN";
      case COMMIT: {
        boolean failed = status == TransactionStatus.FAILED;
        endTransaction();
        return failed ? "ROLLBACK" : "COMMIT";
      }
      case ROLLBACK:
        endTransaction();
        return "ROLLBACK";
      case SET: {
        String changed = settings.set(command.words());
        reportIfReported(changed);
        return "SET";
      }
      case RESET:
        if (command.word(1).equals("all")) {
          settings.resetAll();
        } else {
          settings.reset(command.words().get(1).text());
          reportIfReported(SessionSettings.canonical(command.words().get(1).text()));
        }
        return "RESET";
      case DISCARD_ALL:
        closePortals();
        closeStatements(true);
        settings.resetAll();
        return "DISCARD " + command.word(1).toUpperCase(java.util.Locale.ROOT);
      case DEALLOCATE: {
        int i = command.word(1).equals("prepare") ? 2 : 1;
        if (command.word(i).equals("all")) {
          closeStatements(false);
          return "DEALLOCATE ALL";
        }
        String name = command.words().get(i).text().replace("\"", "");
        PreparedQuery removed = statements.remove(name);
        if (removed == null) {
          throw new SessionException("26000", "prepared statement \"" + name
              + "\" does not exist");
        }
        closeQuietly(removed);
        return "DEALLOCATE";
      }
      case IGNORED:
        return command.verb();
      default:
        throw new IllegalStateException(command.kind().toString());
    }
  }

  private void reportIfReported(String name) {
    if (name != null && SessionSettings.REPORTED.contains(name)) {
      SessionMessages.parameterStatus(sink.buffer(), name, settings.get(name));
    }
  }

  private void endTransaction() {
    status = TransactionStatus.IDLE;
    closePortals();
  }

  private void close(FrontendMessage.Close close) throws SQLException {
    if (close.kind() == 'S') {
      PreparedQuery query = statements.remove(close.name());
      if (query != null) {
        portals.values().removeIf(portal -> {
          if (portal.query == query) {
            closeQuietly(portal);
            return true;
          }
          return false;
        });
        query.close();
      }
    } else {
      Portal portal = portals.remove(close.name());
      if (portal != null) {
        portal.close();
      }
    }
    ExtendedQueryMessages.closeComplete(sink.buffer());
  }

  private void sync() {
    skipUntilSync = false;
    if (status == TransactionStatus.IDLE) {
      closePortals(); // an implicit transaction ends at Sync, and its portals with it
    }
    readyForQuery();
  }

  private void fail(Throwable failure, String sql) {
    if (status == TransactionStatus.IN_TRANSACTION) {
      status = TransactionStatus.FAILED;
    }
    ErrorMessages.error(sink.buffer(), PgErrors.of(failure, sql));
  }

  private void closeUnnamedPortal() {
    Portal unnamed = portals.remove(UNNAMED);
    if (unnamed != null) {
      closeQuietly(unnamed);
    }
  }

  private void closePortals() {
    portals.values().forEach(Session::closeQuietly);
    portals.clear();
  }

  private void closeStatements(boolean includingUnnamed) {
    statements.entrySet().removeIf(e -> {
      if (includingUnnamed || !e.getKey().equals(UNNAMED)) {
        closeQuietly(e.getValue());
        return true;
      }
      return false;
    });
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // Closing a result or statement of a session that goes on: nothing to tell the client.
    }
  }

  /** Stops the running query, as {@code Statement.cancel()} does; from any thread. */
  public void cancel() {
    Statement statement = running;
    if (statement != null) {
      try {
        statement.cancel();
      } catch (SQLException e) {
        // The query ended meanwhile.
      }
    }
  }

  @Override
  public void close() {
    cancel();
    closePortals();
    closeStatements(true);
    closeQuietly(connection);
  }

  private static List<ResultMessages.Column> columns(PreparedQuery query) {
    List<ResultMessages.Column> columns = new ArrayList<>();
    List<String> names = query.columnNames();
    for (int i = 0; i < names.size(); i++) {
      ColumnType type = query.columnTypes().get(i);
      columns.add(new ResultMessages.Column(names.get(i), 0, (short) 0, type.oid(),
          type.length(), type.modifier()));
    }
    return columns;
  }

  private static List<Short> textFormats(int columns) {
    List<Short> formats = new ArrayList<>(columns);
    for (int i = 0; i < columns; i++) {
      formats.add((short) 0);
    }
    return formats;
  }
}
