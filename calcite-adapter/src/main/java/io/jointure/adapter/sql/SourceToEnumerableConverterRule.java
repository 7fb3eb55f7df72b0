package io.jointure.adapter.sql;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/** Bridges a source's convention to Calcite's executor with a {@link SourceToEnumerableConverter}. */
public final class SourceToEnumerableConverterRule extends ConverterRule {
  static SourceToEnumerableConverterRule create(SourceConvention convention) {
    return Config.INSTANCE
        .withConversion(RelNode.class, convention, EnumerableConvention.INSTANCE,
            "SourceToEnumerableConverterRule:" + convention.getName())
        .withRuleFactory(SourceToEnumerableConverterRule::new)
        .toRule(SourceToEnumerableConverterRule.class);
  }

  private SourceToEnumerableConverterRule(Config config) {
    super(config);
  }

  @Override
  public RelNode convert(RelNode rel) {
    return new SourceToEnumerableConverter(rel.getCluster(),
        rel.getTraitSet().replace(getOutConvention()), rel);
  }
}
