package io.jointure.adapter;

import io.jointure.adapter.execution.QueryControl;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.linq4j.Enumerator;

/**
 * Reads its input a batch at a time, turns each batch into output rows (any number, none
 * included), and hands them out: memory holds one batch, whatever the input's size. For
 * operators that work best on many rows at once (a key lookup per batch, a function per batch).
 * The query's stop is checked before each row it hands out.
 *
 * @param <I> input rows
 * @param <O> output rows
 */
public final class BatchedEnumerator<I, O> implements Enumerator<O> {
  private final QueryControl control;
  private final Enumerator<I> input;
  private final int batchSize;
  private final Function<List<I>, List<O>> process;
  private List<O> output = List.of();
  private int position = -1;
  private boolean exhausted;

  public BatchedEnumerator(QueryControl control, Enumerator<I> input, int batchSize,
      Function<List<I>, List<O>> process) {
    this.control = control;
    this.input = input;
    this.batchSize = batchSize;
    this.process = process;
  }

  @Override
  public O current() {
    return output.get(position);
  }

  @Override
  public boolean moveNext() {
    control.check();
    while (position + 1 >= output.size()) {
      if (exhausted) {
        return false;
      }
      List<I> batch = new ArrayList<>(batchSize);
      while (batch.size() < batchSize && input.moveNext()) {
        batch.add(input.current());
      }
      exhausted = batch.size() < batchSize;
      output = batch.isEmpty() ? List.of() : process.apply(batch);
      position = -1;
    }
    position++;
    return true;
  }

  @Override
  public void reset() {
    throw new UnsupportedOperationException("a batched operator cannot be restarted");
  }

  @Override
  public void close() {
    input.close();
  }
}
