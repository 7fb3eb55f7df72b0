package io.jointure.pgwire.catalog;

import static org.apache.calcite.sql.type.SqlTypeName.INTEGER;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import io.jointure.pgwire.catalog.CatalogSnapshot.Column;
import io.jointure.pgwire.catalog.CatalogSnapshot.Constraint;
import io.jointure.pgwire.catalog.CatalogSnapshot.Namespace;
import io.jointure.pgwire.catalog.CatalogSnapshot.Relation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.schema.Table;

/**
 * {@code information_schema} as PostgreSQL fills it, for the tools that browse with it (Grafana's
 * table and column pickers, Superset, Metabase's field queries): schemata, tables, views,
 * columns, and the keys with their columns and references.
 */
final class InformationSchema {
  private InformationSchema() {
  }

  static Map<String, Table> tables(CatalogSnapshot snapshot) {
    String db = CatalogFunctions.DATABASE;
    Map<String, Table> tables = new LinkedHashMap<>();
    CatalogTable schemata = new CatalogTable().columns(VARCHAR, "catalog_name", "schema_name",
        "schema_owner");
    for (Namespace ns : snapshot.namespaces) {
      schemata.row(db, ns.name(), db);
    }
    tables.put("schemata", schemata);
    CatalogTable relations = new CatalogTable().columns(VARCHAR, "table_catalog", "table_schema",
        "table_name", "table_type", "is_insertable_into");
    CatalogTable views = new CatalogTable().columns(VARCHAR, "table_catalog", "table_schema",
        "table_name", "view_definition", "is_updatable");
    CatalogTable columns = new CatalogTable().columns(VARCHAR, "table_catalog", "table_schema",
        "table_name", "column_name").column("ordinal_position", INTEGER)
        .columns(VARCHAR, "column_default", "is_nullable", "data_type")
        .columns(INTEGER, "character_maximum_length", "numeric_precision", "numeric_scale",
            "datetime_precision").columns(VARCHAR, "udt_catalog", "udt_schema", "udt_name",
            "is_identity", "is_generated", "is_updatable");
    for (Relation r : snapshot.relations) {
      String schema = r.namespace().name();
      relations.row(db, schema, r.name(), r.view() ? "VIEW" : "BASE TABLE", "NO");
      if (r.view()) {
        views.row(db, schema, r.name(), null, "NO");
      }
      for (Column c : r.columns()) {
        int modifier = c.type().modifier();
        Integer length = switch (c.type().type()) {
          case VARCHAR, BPCHAR -> modifier > 4 ? modifier - 4 : null;
          default -> null;
        };
        columns.row(db, schema, r.name(), c.name(), c.number(), null, c.notNull() ? "NO" : "YES",
            c.type().array() ? "ARRAY" : c.typeName().replaceAll("\\(.*\\)", ""), length,
            precision(c), c.type().scale() >= 0 ? c.type().scale() : null, null, db,
            "pg_catalog", (c.type().array() ? "_" : "") + c.type().type().typeName, "NO",
            "NEVER", "NO");
      }
    }
    tables.put("tables", relations);
    tables.put("views", views);
    tables.put("columns", columns);
    CatalogTable constraints = new CatalogTable().columns(VARCHAR, "constraint_catalog",
        "constraint_schema", "constraint_name", "table_catalog", "table_schema", "table_name",
        "constraint_type", "is_deferrable", "initially_deferred");
    CatalogTable keyColumns = new CatalogTable().columns(VARCHAR, "constraint_catalog",
        "constraint_schema", "constraint_name", "table_catalog", "table_schema", "table_name",
        "column_name").columns(INTEGER, "ordinal_position", "position_in_unique_constraint");
    CatalogTable references = new CatalogTable().columns(VARCHAR, "constraint_catalog",
        "constraint_schema", "constraint_name", "unique_constraint_catalog",
        "unique_constraint_schema", "unique_constraint_name", "match_option", "update_rule",
        "delete_rule");
    for (Constraint c : snapshot.constraints) {
      String schema = c.relation().namespace().name();
      String type = switch (c.type()) {
        case 'p' -> "PRIMARY KEY";
        case 'u' -> "UNIQUE";
        default -> "FOREIGN KEY";
      };
      constraints.row(db, schema, c.name(), db, schema, c.relation().name(), type, "NO", "NO");
      for (int i = 0; i < c.columns().size(); i++) {
        keyColumns.row(db, schema, c.name(), db, schema, c.relation().name(), c.columns().get(i),
            i + 1, c.type() == 'f' ? i + 1 : null);
      }
      if (c.type() == 'f') {
        Constraint target = snapshot.constraints.stream().filter(k -> k.type() != 'f'
            && k.relation() == c.referenced() && k.columns().equals(c.referencedColumns()))
            .findFirst().orElse(null);
        references.row(db, schema, c.name(), db, c.referenced().namespace().name(),
            target == null ? null : target.name(), "NONE", "NO ACTION", "NO ACTION");
      }
    }
    tables.put("table_constraints", constraints);
    tables.put("key_column_usage", keyColumns);
    tables.put("referential_constraints", references);
    return tables;
  }

  private static Integer precision(Column c) {
    return switch (c.type().type()) {
      case INT2 -> 16;
      case INT4 -> 32;
      case INT8 -> 64;
      case FLOAT4 -> 24;
      case FLOAT8 -> 53;
      case NUMERIC -> c.type().modifier() > 4 ? (c.type().modifier() - 4) >> 16 : null;
      default -> null;
    };
  }
}
