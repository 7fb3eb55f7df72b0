package io.jointure.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.jointure.adapter.execution.QueryControl;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The records of one listing of an HTTP source, page after page: a page is fetched when the
 * records before are used up, and no more than {@code limit} records are returned. What a page
 * is (a REST page, a GraphQL answer) is the subclass's.
 */
abstract class PagedRecords implements Iterator<JsonNode> {
  /** Records wanted at most; {@code Long.MAX_VALUE} for all. */
  protected final long limit;
  protected final QueryControl control;
  /** The fetched page's records not yet returned; {@link #fetchPage} replaces it. */
  protected Iterator<JsonNode> page = Collections.emptyIterator();
  /** Set by {@link #fetchPage} when the page it fetched is the listing's last. */
  protected boolean last;
  private long returned;

  PagedRecords(long limit, QueryControl control) {
    this.limit = limit;
    this.control = control;
  }

  /** Fetches the next page: sets {@link #page}, and {@link #last} when no page follows. */
  protected abstract void fetchPage();

  /** Records returned so far. */
  protected final long returned() {
    return returned;
  }

  @Override
  public final boolean hasNext() {
    while (!page.hasNext()) {
      if (last || returned >= limit) {
        return false;
      }
      fetchPage();
    }
    return returned < limit;
  }

  @Override
  public final JsonNode next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    returned++;
    return page.next();
  }
}
