package io.jointure.sql.errors;

/**
 * A failure of one datasource, whatever its kind (a SQL database, MongoDB, an HTTP API): the
 * message names the datasource; the SQLSTATE is the source's own when it gave one (a PostgreSQL
 * source's {@code 22012}), else one of Jointure's codes ({@code 08001} unreachable, {@code 08006}
 * lost, {@code 57014} timed out).
 */
public class SourceFailure extends JointureException {
  private final String datasource;
  private final String sourceState;

  public SourceFailure(ErrorCode code, String datasource, String message, Throwable cause) {
    this(code, null, datasource, message, cause);
  }

  /**
   * @param sourceState the SQLSTATE the source itself reported, kept as it is; or null
   */
  public SourceFailure(ErrorCode code, String sourceState, String datasource, String message,
      Throwable cause) {
    super(code, message, cause);
    this.datasource = datasource;
    this.sourceState = sourceState;
  }

  public String datasource() {
    return datasource;
  }

  @Override
  public String sqlState() {
    return sourceState != null ? sourceState : super.sqlState();
  }
}
