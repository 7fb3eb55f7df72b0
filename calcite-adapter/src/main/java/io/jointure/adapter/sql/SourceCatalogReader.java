package io.jointure.adapter.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Reads the tables, columns and keys of a SQL source's schemas in one pass. */
interface SourceCatalogReader {
  List<TableInfo> read(Connection connection, List<String> schemas) throws SQLException;
}
