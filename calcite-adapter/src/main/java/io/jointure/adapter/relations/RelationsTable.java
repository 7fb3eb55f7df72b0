package io.jointure.adapter.relations;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code jointure.relations}: every declared relation as a row, for clients that only run SQL
 * (the Avatica remote protocol cannot carry foreign keys), and the source of the declared keys
 * Jointure's {@code DatabaseMetaData} reports.
 */
public final class RelationsTable extends AbstractTable implements ScannableTable {
  /** The system schema's name; no datasource may take it. */
  public static final String SCHEMA = "jointure";
  public static final String TABLE = "relations";

  private static final List<String> COLUMNS = List.of("name", "kind", "origin", "target",
      "through", "origin_key", "origin_key_target", "foreign_key", "foreign_key_target", "view");

  private final List<DeclaredRelation> relations;

  RelationsTable(List<DeclaredRelation> relations) {
    this.relations = List.copyOf(relations);
  }

  public List<DeclaredRelation> relations() {
    return relations;
  }

  @Override
  public Schema.TableType getJdbcTableType() {
    return Schema.TableType.SYSTEM_TABLE;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder row = typeFactory.builder();
    for (String column : COLUMNS) {
      boolean required = column.equals("name") || column.equals("kind")
          || column.equals("origin") || column.equals("target") || column.equals("view");
      row.add(column, typeFactory.createTypeWithNullability(
          typeFactory.createSqlType(SqlTypeName.VARCHAR), !required));
    }
    return row.build();
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    List<Object[]> rows = new ArrayList<>();
    for (DeclaredRelation r : relations) {
      var c = r.config();
      rows.add(new Object[] {c.name(), c.kind().name(), String.join(".", r.origin()),
          String.join(".", r.target()), r.through() == null ? null : String.join(".", r.through()),
          c.originKey().orElse(null), resolvedOriginKeyTarget(r), c.foreignKey().orElse(null),
          resolvedForeignKeyTarget(r), String.join(".", r.view())});
    }
    return Linq4j.asEnumerable(rows);
  }

  /** The origin column a OneToOne, OneToMany or ManyToMany refers to, defaults resolved. */
  private static String resolvedOriginKeyTarget(DeclaredRelation r) {
    return switch (r.config().kind()) {
      case ManyToOne -> null;
      case External -> String.join(",", r.config().external().orElseThrow().keyColumns());
      default -> r.keys().get(0).referencedColumn();
    };
  }

  /** The target column a ManyToOne or ManyToMany refers to, defaults resolved. */
  private static String resolvedForeignKeyTarget(DeclaredRelation r) {
    return switch (r.config().kind()) {
      case ManyToOne -> r.keys().get(0).referencedColumn();
      case ManyToMany -> r.keys().get(1).referencedColumn();
      default -> null;
    };
  }
}
