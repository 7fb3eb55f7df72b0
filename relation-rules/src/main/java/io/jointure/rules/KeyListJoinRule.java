package io.jointure.rules;

import io.jointure.adapter.KeyLookupConvention;
import io.jointure.adapter.PlannedNodes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.immutables.value.Value;

/**
 * Offers a key-list join ({@link EnumerableKeyListJoin}) for an equi-join (on one key or a
 * composite one) whose other side lies wholly in one source: INNER joins in either direction; LEFT, SEMI ({@code IN}, {@code EXISTS})
 * and ANTI ({@code NOT EXISTS}) joins probing their right side.
 * The planner weighs it against a hash join of two whole reads, with the sources' statistics
 * (an External relation's records cannot be read whole: for them it is the only way).
 */
@Value.Enclosing
public final class KeyListJoinRule extends RelRule<KeyListJoinRule.Config> {
  public static final KeyListJoinRule INSTANCE = Config.DEFAULT.toRule();

  private KeyListJoinRule(Config config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalJoin join = call.rel(0);
    JoinInfo info = join.analyzeCondition();
    JoinRelType type = join.getJoinType();
    if (!info.isEqui() || info.leftKeys.isEmpty() || (type != JoinRelType.INNER
        && type != JoinRelType.LEFT && type != JoinRelType.SEMI && type != JoinRelType.ANTI)) {
      return;
    }
    offer(call, join, false, info.leftKeys, info.rightKeys);
    if (join.getJoinType() == JoinRelType.INNER) {
      offer(call, join, true, info.leftKeys, info.rightKeys);
    }
  }

  /** One alternative: the probe side on the right (driverIsLeft) or on the left. */
  private static void offer(RelOptRuleCall call, LogicalJoin join, boolean probeIsLeft,
      List<Integer> leftKeys, List<Integer> rightKeys) {
    RelNode probe = probeIsLeft ? join.getLeft() : join.getRight();
    RelNode driver = probeIsLeft ? join.getRight() : join.getLeft();
    List<Integer> probeKeys = probeIsLeft ? leftKeys : rightKeys;
    Convention source = sourceConvention(probe);
    // Within one database, the database joins better itself (an API cannot join).
    if (!(source instanceof KeyLookupConvention lookups)
        || source == sourceConvention(driver) && lookups.joinsItsOwnTables()) {
      return;
    }
    for (int probeKey : probeKeys) {
      if (!lookups.canLookup(probe, probeKey)) {
        return;
      }
    }
    RelNode probeInSource = convert(probe, probe.getTraitSet().replace(source));
    RelNode driverInExecutor = convert(driver,
        driver.getTraitSet().replace(EnumerableConvention.INSTANCE));
    call.transformTo(new EnumerableKeyListJoin(join.getCluster(),
        join.getTraitSet().replace(EnumerableConvention.INSTANCE),
        probeIsLeft ? probeInSource : driverInExecutor,
        probeIsLeft ? driverInExecutor : probeInSource,
        join.getJoinType(), !probeIsLeft, leftKeys, rightKeys));
  }

  /** The convention of the one source every table under {@code rel} belongs to, if any. */
  private static Convention sourceConvention(RelNode rel) {
    Set<Convention> conventions = new HashSet<>();
    if (!collect(rel, conventions, new HashSet<>()) || conventions.size() != 1) {
      return null;
    }
    return conventions.iterator().next();
  }

  private static boolean collect(RelNode rel, Set<Convention> conventions, Set<RelNode> seen) {
    rel = PlannedNodes.concrete(rel);
    if (!seen.add(rel)) {
      return true;
    }
    if (rel instanceof TableScan && rel.getConvention() instanceof KeyLookupConvention) {
      conventions.add(rel.getConvention());
      return true;
    }
    if (rel instanceof TableScan || rel.getInputs().isEmpty()) {
      return false; // another kind of table (a view's own scan, VALUES): not one source
    }
    for (RelNode input : rel.getInputs()) {
      if (!collect(input, conventions, seen)) {
        return false;
      }
    }
    return true;
  }

  /** Rule configuration. */
  @Value.Immutable
  public interface Config extends RelRule.Config {
    Config DEFAULT = ImmutableKeyListJoinRule.Config.builder()
        .description("KeyListJoinRule")
        .operandSupplier(b -> b.operand(LogicalJoin.class).anyInputs())
        .build();

    @Override
    default KeyListJoinRule toRule() {
      return new KeyListJoinRule(this);
    }
  }
}
