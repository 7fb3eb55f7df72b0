package io.jointure.pgwire.catalog;

/** A catalog name or setting a statement names that does not exist, with its SQLSTATE. */
public final class CatalogSyntaxException extends IllegalArgumentException {
  private final String sqlState;

  CatalogSyntaxException(String sqlState, String message) {
    super(message);
    this.sqlState = sqlState;
  }

  public String sqlState() {
    return sqlState;
  }
}
