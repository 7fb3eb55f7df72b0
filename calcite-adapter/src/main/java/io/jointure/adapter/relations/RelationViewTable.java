package io.jointure.adapter.relations;

import io.jointure.adapter.SqlTypeSpec;
import io.jointure.model.RelationConfig;
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
 * The virtual join view of a declared relation: the origin's columns followed by the related
 * collection's columns named {@code <relation>.<column>}, as a LEFT JOIN (every origin row at
 * least once; NULL keys match nothing). A ManyToMany joins the through collection to the target
 * first. Planned as relational operators, so each side's work still reaches its own source.
 */
final class RelationViewTable extends AbstractTable implements TranslatableTable {
  private final RelationConfig relation;
  private final List<String> origin;
  private final List<String> target;
  private final List<String> through;
  /** Origin key, compared with the key on the other side. */
  private final ResolvedKey originSide;
  /** The other side of the origin join: in the target, or in the through collection. */
  private final ResolvedKey otherSide;
  /** For ManyToMany: the through collection's key and the target's key it refers to. */
  private final ResolvedKey throughForeign;
  private final ResolvedKey targetKey;
  private final Table originTable;
  private final Table targetTable;
  private final Table throughTable;

  RelationViewTable(RelationConfig relation, List<String> origin, Table originTable,
      List<String> target, Table targetTable, List<String> through, Table throughTable,
      ResolvedKey originSide, ResolvedKey otherSide, ResolvedKey throughForeign,
      ResolvedKey targetKey) {
    this.originTable = originTable;
    this.targetTable = targetTable;
    this.throughTable = throughTable;
    this.relation = relation;
    this.origin = origin;
    this.target = target;
    this.through = through;
    this.originSide = originSide;
    this.otherSide = otherSide;
    this.throughForeign = throughForeign;
    this.targetKey = targetKey;
  }

  @Override
  public Schema.TableType getJdbcTableType() {
    return Schema.TableType.VIEW;
  }

  /** The origin's columns, then the target's, nullable (LEFT JOIN) and prefixed. */
  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return viewRowType(typeFactory, originTable, relation.name(),
        targetTable.getRowType(typeFactory).getFieldList());
  }

  /**
   * A relation view's columns: the origin's, then the related ones named
   * {@code <relation>.<column>}, nullable (LEFT JOIN).
   */
  static RelDataType viewRowType(RelDataTypeFactory typeFactory, Table originTable,
      String relation, List<RelDataTypeField> related) {
    RelDataTypeFactory.Builder row = typeFactory.builder();
    for (RelDataTypeField field : originTable.getRowType(typeFactory).getFieldList()) {
      row.add(field.getName(), field.getType());
    }
    for (RelDataTypeField field : related) {
      row.add(relation + "." + field.getName(),
          typeFactory.createTypeWithNullability(field.getType(), true));
    }
    return row.build();
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable table) {
    RelBuilder b = RelFactories.LOGICAL_BUILDER.create(context.getCluster(),
        table.getRelOptSchema());
    return build(b, names -> scan(context, table, names));
  }

  /**
   * A scan of one of the relation's tables, planned with this statement's context so that a
   * collection with computed fields can expand its expressions (RelBuilder's own scans have no
   * view expander). The tables resolved when the connection opened are used, not looked up again
   * by name, which would match names case-insensitively.
   */
  private RelNode scan(RelOptTable.ToRelContext context, RelOptTable view, List<String> names) {
    Table resolved = names.equals(origin) ? originTable : names.equals(target) ? targetTable
        : throughTable;
    return Scans.of(context, view, names, resolved);
  }

  /** origin LEFT JOIN target (or LEFT JOIN (through JOIN target)), projected and renamed. */
  private RelNode build(RelBuilder b, java.util.function.Function<List<String>, RelNode> scans) {
    b.push(scans.apply(origin));
    int originFields = b.peek().getRowType().getFieldCount();
    List<String> targetNames;
    int otherKey;
    if (through == null) {
      b.push(scans.apply(target));
      targetNames = b.peek().getRowType().getFieldNames();
      otherKey = otherSide.index();
    } else {
      b.push(scans.apply(through));
      b.push(scans.apply(target));
      targetNames = b.peek().getRowType().getFieldNames();
      b.join(JoinRelType.INNER, b.equals(
          comparable(b, b.field(2, 0, throughForeign.index())),
          comparable(b, b.field(2, 1, targetKey.index()))));
      // Keep the through collection's origin key, then the target's columns.
      int throughFields = b.peek().getRowType().getFieldCount() - targetNames.size();
      List<RexNode> kept = new ArrayList<>();
      kept.add(b.field(otherSide.index()));
      for (int i = 0; i < targetNames.size(); i++) {
        kept.add(b.field(throughFields + i));
      }
      b.project(kept);
      otherKey = 0;
    }
    b.join(JoinRelType.LEFT, b.equals(
        comparable(b, b.field(2, 0, originSide.index())),
        comparable(b, b.field(2, 1, otherKey))));
    List<RexNode> columns = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<RelDataTypeField> joined = b.peek().getRowType().getFieldList();
    for (int i = 0; i < originFields; i++) {
      columns.add(b.field(i));
      names.add(joined.get(i).getName());
    }
    int targetStart = joined.size() - targetNames.size();
    for (int i = 0; i < targetNames.size(); i++) {
      columns.add(b.field(targetStart + i));
      names.add(relation.name() + "." + targetNames.get(i));
    }
    return b.project(columns, names, true).build();
  }

  /** The key as {@code compareAs} says to compare it: precision, scale and length included. */
  private RexNode comparable(RelBuilder b, RexNode key) {
    if (relation.compareAs().isEmpty()) {
      return key;
    }
    RelDataTypeFactory factory = b.getTypeFactory();
    RelDataType type = factory.createTypeWithNullability(
        SqlTypeSpec.of(relation.compareAs().get()).toRelType(factory), true);
    return b.getRexBuilder().makeCast(type, key);
  }
}
