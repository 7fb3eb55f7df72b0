package io.jointure.adapter.relations;

import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.prepare.RelOptTableImpl;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.schema.Table;

/**
 * Scans of tables that views resolved when the connection opened. Looking them up again by name
 * would match names case-insensitively and could find another table ({@code towns} and
 * {@code "Towns"}).
 */
final class Scans {
  private Scans() {
  }

  /**
   * @param context the statement's planning context, which expands computed fields
   * @param near    a table of the same catalog, for its schema
   */
  static RelNode of(RelOptTable.ToRelContext context, RelOptTable near, List<String> names,
      Table table) {
    RelOptTable resolved = RelOptTableImpl.create(near.getRelOptSchema(),
        table.getRowType(context.getCluster().getTypeFactory()), names, table,
        (Class clazz) -> null);
    return resolved.toRel(context);
  }
}
