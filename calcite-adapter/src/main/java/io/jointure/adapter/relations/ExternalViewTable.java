package io.jointure.adapter.relations;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.tools.RelBuilder;

/**
 * The view of an External relation: the origin's columns followed by the records' columns named
 * {@code <relation>.<column>}, as a LEFT JOIN of the origin with the records fetched for its key
 * columns (one request per distinct key; an origin row without records appears once, with
 * NULLs).
 */
final class ExternalViewTable extends AbstractTable implements TranslatableTable {
  private final String relation;
  private final List<String> origin;
  private final Table originTable;
  private final List<String> records;
  private final Table recordsTable;
  /** Origin column of each of the records table's leading key columns. */
  private final List<Integer> originKeys;

  ExternalViewTable(String relation, List<String> origin, Table originTable,
      List<String> records, Table recordsTable, List<Integer> originKeys) {
    this.relation = relation;
    this.origin = origin;
    this.originTable = originTable;
    this.records = records;
    this.recordsTable = recordsTable;
    this.originKeys = List.copyOf(originKeys);
  }

  @Override
  public Schema.TableType getJdbcTableType() {
    return Schema.TableType.VIEW;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    List<RelDataTypeField> fields = recordsTable.getRowType(typeFactory).getFieldList();
    return RelationViewTable.viewRowType(typeFactory, originTable, relation,
        fields.subList(originKeys.size(), fields.size()));
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable table) {
    RelBuilder b = RelFactories.LOGICAL_BUILDER.create(context.getCluster(),
        table.getRelOptSchema());
    b.push(Scans.of(context, table, origin, originTable));
    int originFields = b.peek().getRowType().getFieldCount();
    b.push(Scans.of(context, table, records, recordsTable));
    List<RexNode> keys = new ArrayList<>();
    for (int i = 0; i < originKeys.size(); i++) {
      keys.add(b.equals(b.field(2, 0, originKeys.get(i)), b.field(2, 1, i)));
    }
    b.join(JoinRelType.LEFT, keys);
    List<RelDataTypeField> joined = b.peek().getRowType().getFieldList();
    List<RexNode> columns = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < originFields; i++) {
      columns.add(b.field(i));
      names.add(joined.get(i).getName());
    }
    for (int i = originFields + originKeys.size(); i < joined.size(); i++) {
      columns.add(b.field(i));
      names.add(relation + "." + joined.get(i).getName());
    }
    return b.project(columns, names, true).build();
  }
}
