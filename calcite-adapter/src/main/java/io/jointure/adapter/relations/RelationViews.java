package io.jointure.adapter.relations;

import io.jointure.adapter.KeyedTable;
import io.jointure.adapter.SqlTypeSpec;
import io.jointure.adapter.rest.RestTable;
import io.jointure.model.DeclaredKeys;
import io.jointure.model.ExternalTarget;
import io.jointure.model.Model;
import io.jointure.model.RelationConfig;
import io.jointure.model.RelationKind;
import io.jointure.sql.errors.Suggestions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a model's declared relations into views in their origin's schema, checking each against
 * the sources first: collections and columns exist (with "did you mean"), key targets are unique,
 * and the two keys of a join compare as the same kind of value (or {@code compareAs} says how).
 * This reads the catalogs of the sources that relations name.
 */
public final class RelationViews {
  private static final Logger LOG = LoggerFactory.getLogger(RelationViews.class);

  private final SchemaPlus root;
  private final RelDataTypeFactory typeFactory;
  private final String modelOrigin;

  private RelationViews(SchemaPlus root, RelDataTypeFactory typeFactory, String modelOrigin) {
    this.root = root;
    this.typeFactory = typeFactory;
    this.modelOrigin = modelOrigin;
  }

  /**
   * Adds one view per declared relation of {@code model}, and the system table
   * {@code jointure.relations} listing them.
   */
  public static void addTo(SchemaPlus root, RelDataTypeFactory typeFactory, Model model)
      throws RelationException {
    RelationViews views = new RelationViews(root, typeFactory, model.origin());
    // Declared keys first: a relation may target one.
    for (DeclaredKeys keys : model.keys().values()) {
      views.check(keys);
    }
    Set<String> viewNames = new HashSet<>();
    List<DeclaredRelation> declared = new ArrayList<>();
    for (RelationConfig relation : model.relations()) {
      declared.add(views.add(relation, viewNames));
    }
    root.add(RelationsTable.SCHEMA, new AbstractSchema())
        .add(RelationsTable.TABLE, new RelationsTable(declared));
  }

  /** A declared key names columns of an existing collection. */
  private void check(DeclaredKeys keys) throws RelationException {
    Collection collection = collection(keys.collection(), keys.path());
    for (String column : keys.primaryKey()) {
      collection.column(column, keys.path() + ".primaryKey");
    }
    for (int i = 0; i < keys.uniqueKeys().size(); i++) {
      for (String column : keys.uniqueKeys().get(i)) {
        collection.column(column, keys.path() + ".uniqueKeys[" + i + "]");
      }
    }
  }

  private DeclaredRelation add(RelationConfig relation, Set<String> viewNames)
      throws RelationException {
    String path = relation.path();
    Collection origin = collection(relation.origin(), "collections." + relation.origin());
    if (relation.kind() == RelationKind.External) {
      return addExternal(relation, origin, viewNames);
    }
    Collection target = collection(relation.foreignCollection(), path + ".foreignCollection");
    Collection through = relation.throughCollection().isEmpty() ? null
        : collection(relation.throughCollection().get(), path + ".throughCollection");
    ResolvedKey originSide;
    ResolvedKey otherSide;
    ResolvedKey throughForeign = null;
    ResolvedKey targetKey = null;
    switch (relation.kind()) {
      case ManyToOne -> {
        originSide = origin.column(relation.foreignKey().get(), path + ".foreignKey");
        otherSide = keyTarget(target, relation.foreignKeyTarget(), path + ".foreignKeyTarget");
      }
      case OneToOne, OneToMany -> {
        originSide = keyTarget(origin, relation.originKeyTarget(), path + ".originKeyTarget");
        otherSide = target.column(relation.originKey().get(), path + ".originKey");
        if (relation.kind() == RelationKind.OneToOne) {
          requireUniqueIfKnown(target, otherSide, path + ".originKey");
        }
      }
      case ManyToMany -> {
        originSide = keyTarget(origin, relation.originKeyTarget(), path + ".originKeyTarget");
        otherSide = through.column(relation.originKey().get(), path + ".originKey");
        throughForeign = through.column(relation.foreignKey().get(), path + ".foreignKey");
        targetKey = keyTarget(target, relation.foreignKeyTarget(), path + ".foreignKeyTarget");
        checkComparable(throughForeign, targetKey, relation, path);
      }
      default -> throw new IllegalStateException(relation.kind().name());
    }
    checkComparable(originSide, otherSide, relation, path);
    String viewName = viewName(relation, origin, viewNames);
    origin.schema.add(viewName, new RelationViewTable(relation, origin.qualifiedName(),
        origin.table, target.qualifiedName(), target.table,
        through == null ? null : through.qualifiedName(), through == null ? null : through.table,
        originSide, otherSide, throughForeign, targetKey));
    return new DeclaredRelation(relation, List.of(origin.datasource, viewName),
        origin.qualifiedName(), target.qualifiedName(),
        through == null ? null : through.qualifiedName(),
        DeclaredRelation.keysOf(relation, originSide, otherSide, throughForeign, targetKey));
  }

  /** The relation's view name, checked to be free in the origin's schema. */
  private String viewName(RelationConfig relation, Collection origin, Set<String> viewNames)
      throws RelationException {
    String viewName = relation.view().orElse(origin.name + "_" + relation.name());
    String qualified = origin.datasource + "." + viewName;
    if (origin.schema.tables().getIgnoreCase(viewName) != null
        || !viewNames.add(qualified.toLowerCase(java.util.Locale.ROOT))) {
      throw error(relation.path() + (relation.view().isPresent() ? ".view" : ""),
          "the view name '" + viewName + "' is already taken in schema " + origin.datasource
              + "; name the view with `view: <name>`");
    }
    return viewName;
  }

  /**
   * An External relation: its records become a table fetched per key of the origin (from the URL
   * template or the Java function), joined to the origin in the relation's view.
   */
  private DeclaredRelation addExternal(RelationConfig relation, Collection origin,
      Set<String> viewNames) throws RelationException {
    ExternalTarget target = relation.external().orElseThrow();
    if (target.url().isEmpty() && target.function().isEmpty()) {
      throw error(relation.path() + ".url", "missing; give the URL template the records come"
          + " from, or declare the relation in Java with a function");
    }
    List<Integer> originKeys = new ArrayList<>();
    List<SqlTypeSpec> keyTypes = new ArrayList<>();
    for (String key : target.keyColumns()) {
      ResolvedKey column = origin.column(key, relation.path()
          + (target.url().isPresent() ? ".url" : ".dependencies"));
      originKeys.add(column.index());
      RelDataType type = column.type();
      keyTypes.add(type.getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.DECIMAL
          ? SqlTypeSpec.of(type.getSqlTypeName(), type.getPrecision(), type.getScale())
          : SqlTypeSpec.of(type.getSqlTypeName()));
    }
    String viewName = viewName(relation, origin, viewNames);
    String sourceName = origin.datasource + "." + viewName;
    Table records = RestTable.forExternal(sourceName, target, keyTypes);
    origin.schema.add(viewName, new ExternalViewTable(relation.name(), origin.qualifiedName(),
        origin.table, List.of(origin.datasource, viewName + "$records"), records, originKeys));
    return new DeclaredRelation(relation, List.of(origin.datasource, viewName),
        origin.qualifiedName(), List.of(target.url().orElse("java:" + relation.name())), null,
        List.of());
  }

  /** A collection named {@code <datasource>.<collection>} in the model. */
  private final class Collection {
    final String datasource;
    final String name;
    final SchemaPlus schema;
    final Table table;
    final RelDataType rowType;

    Collection(String datasource, String name, SchemaPlus schema, Table table) {
      this.datasource = datasource;
      this.name = name;
      this.schema = schema;
      this.table = table;
      this.rowType = table.getRowType(typeFactory);
    }

    List<String> qualifiedName() {
      return List.of(datasource, name);
    }

    ResolvedKey column(String column, String path) throws RelationException {
      RelDataTypeField field = rowType.getField(column, true, false);
      if (field == null) {
        throw error(path, "unknown column '" + column + "' in " + datasource + "." + name
            + Suggestions.didYouMean(column, rowType.getFieldNames()) + "; its columns: "
            + String.join(", ", rowType.getFieldNames()));
      }
      return new ResolvedKey(qualifiedName(), field.getName(), field.getIndex(), field.getType());
    }
  }

  private Collection collection(String reference, String path) throws RelationException {
    int dot = reference.indexOf('.');
    String datasource = reference.substring(0, dot);
    String name = reference.substring(dot + 1);
    SchemaPlus schema = root.subSchemas().get(datasource);
    if (schema == null) {
      throw error(path, "unknown datasource '" + datasource + "'");
    }
    Table table = schema.tables().get(name);
    if (table == null) {
      Set<String> names = schema.tables().getNames(LikePattern.any());
      throw error(path, "unknown collection '" + reference + "'"
          + Suggestions.didYouMean(name, names) + "; datasource " + datasource + " has: "
          + String.join(", ", names.stream().sorted().toList()));
    }
    return new Collection(datasource, name, schema, table);
  }

  /** The key a relation refers to: the named column (which must be unique), or the primary key. */
  private ResolvedKey keyTarget(Collection collection, Optional<String> column, String path)
      throws RelationException {
    KeyedTable keyed = collection.table instanceof KeyedTable k ? k : null;
    if (column.isEmpty()) {
      if (keyed == null || keyed.primaryKey().size() != 1) {
        throw error(path, collection.datasource + "." + collection.name + " has no single-column"
            + " primary key to refer to; name the unique column with `" + path.substring(
                path.lastIndexOf('.') + 1) + ": <column>`");
      }
      return collection.column(keyed.primaryKey().get(0), path);
    }
    ResolvedKey key = collection.column(column.get(), path);
    if (keyed == null) {
      LOG.warn("{}: {}: {} cannot tell whether {} is unique; make sure it is", modelOrigin, path,
          collection.datasource, key.column());
    } else if (!keyed.uniqueKeys().contains(List.of(key.column()))) {
      throw error(path, key.column() + " is not a primary or unique key of "
          + collection.datasource + "." + collection.name + "; a relation must refer to a"
          + " unique column (unique keys: " + keyed.uniqueKeys() + "). If its values are unique,"
          + " declare it: `collections: { " + collection.datasource + "." + collection.name
          + ": { uniqueKeys: [[" + key.column() + "]] } }` (or give it a unique index or"
          + " constraint in the source)");
    }
    return key;
  }

  /**
   * A OneToOne's target key must be unique for one row per origin row: an error when the source
   * says it is not, a warning when it cannot tell.
   */
  private void requireUniqueIfKnown(Collection collection, ResolvedKey key, String path)
      throws RelationException {
    if (!(collection.table instanceof KeyedTable keyed)) {
      LOG.warn("{}: {}: {} cannot tell whether {} is unique; make sure it is", modelOrigin, path,
          collection.datasource, key.column());
    } else if (!keyed.uniqueKeys().contains(List.of(key.column()))) {
      throw error(path, key.column() + " is not unique in " + collection.datasource + "."
          + collection.name + ", so an origin row could have several; declare it UNIQUE in the source,"
          + " or use a OneToMany relation");
    }
  }

  /**
   * Keys compare when both are numbers, both text, both dates..., or when {@code compareAs} says
   * which type to compare them as.
   */
  private void checkComparable(ResolvedKey a, ResolvedKey b, RelationConfig relation,
      String path) throws RelationException {
    if (relation.compareAs().isPresent()) {
      return;
    }
    SqlTypeFamily fa = family(a.type());
    SqlTypeFamily fb = family(b.type());
    if (fa == null || fa != fb) {
      throw error(path, "keys of different types: " + a.describe() + " and " + b.describe()
          + "; add `compareAs: VARCHAR` (or another SQL type) to compare both as that type");
    }
  }

  private static SqlTypeFamily family(RelDataType type) {
    if (SqlTypeUtil.isNumeric(type)) {
      return SqlTypeFamily.NUMERIC;
    }
    if (SqlTypeUtil.isCharacter(type)) {
      return SqlTypeFamily.CHARACTER;
    }
    return type.getSqlTypeName().getFamily();
  }

  private RelationException error(String path, String problem) {
    return new RelationException(modelOrigin + ": " + path + ": " + problem);
  }
}
