package io.jointure.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.jointure.adapter.request.SourceRequest;
import io.jointure.model.RestCollectionConfig;
import io.jointure.model.RestPagination;
import java.net.URI;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The records of one listing of a REST collection, page after page as the collection's pagination
 * says, fetched when the previous page is used up, and no more than {@code limit} records. Every
 * page is one request in the source's request log.
 */
final class RecordPages implements Iterator<JsonNode> {
  private final RestSource source;
  private final RestCollection.ApiCollection endpoint;
  private final List<String[]> parameters;
  private final long limit;
  private final RestPagination pagination;
  private Iterator<JsonNode> page = java.util.Collections.emptyIterator();
  private long returned;
  private long pageNumber;
  private long offset;
  private String cursor;
  private String nextLink;
  private boolean last;

  /**
   * @param parameters query parameters for every page (filters, sort), name and value
   * @param limit      records wanted at most; {@code Long.MAX_VALUE} for all
   */
  RecordPages(RestSource source, RestCollection.ApiCollection endpoint, List<String[]> parameters,
      long limit) {
    this.source = source;
    this.endpoint = endpoint;
    this.parameters = parameters;
    this.limit = limit;
    this.pagination = endpoint.config().pagination();
    this.pageNumber = pagination.firstPage();
  }

  @Override
  public boolean hasNext() {
    while (!page.hasNext()) {
      if (last || returned >= limit) {
        return false;
      }
      fetchPage();
    }
    return returned < limit;
  }

  @Override
  public JsonNode next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    returned++;
    return page.next();
  }

  /** The URL of the next page, without the pagination's own parameters for a next link. */
  RestUrl nextUrl() {
    RestCollectionConfig config = endpoint.config();
    if (nextLink != null) {
      return RestUrl.continuing(URI.create(endpoint.baseUrl() + "/").resolve(nextLink)
          .toString(), source.secretParameters());
    }
    RestUrl url = RestUrl.of(endpoint.baseUrl() + config.path(), source.secretParameters());
    parameters.forEach(p -> url.add(p[0], p[1]));
    long remaining = limit - returned;
    long size = Math.min(pagination.size(), remaining);
    switch (pagination.kind()) {
      case PAGE -> {
        url.add(pagination.pageParameter(), Long.toString(pageNumber));
        sizeParameter(url, size);
      }
      case OFFSET -> {
        url.add(pagination.pageParameter(), Long.toString(offset));
        sizeParameter(url, size);
      }
      case CURSOR -> {
        if (cursor != null) {
          url.add(pagination.pageParameter(), cursor);
        }
        sizeParameter(url, size);
      }
      case NEXT_LINK -> sizeParameter(url, size);
      case NONE -> {
        if (config.limitParameter().isPresent() && limit != Long.MAX_VALUE) {
          url.add(config.limitParameter().get(), Long.toString(limit));
        }
      }
      default -> throw new IllegalStateException(pagination.kind().name());
    }
    return url;
  }

  private void sizeParameter(RestUrl url, long size) {
    if (pagination.sizeParameter() != null) {
      url.add(pagination.sizeParameter(), Long.toString(size));
    }
  }

  private void fetchPage() {
    RestUrl url = nextUrl();
    long asked = Math.min(pagination.size(), limit - returned);
    JsonNode body;
    try {
      body = source.requester().get(url);
    } catch (RestException e) {
      source.requestLog().record(new SourceRequest(source.name(), "GET " + url.shown(),
          List.of(), -1));
      throw e;
    }
    JsonNode records = source.records(body, endpoint.config().records(), url);
    source.requestLog().record(new SourceRequest(source.name(), "GET " + url.shown(), List.of(),
        records.size()));
    page = records.elements();
    switch (pagination.kind()) {
      case PAGE, OFFSET -> {
        pageNumber++;
        offset += records.size();
        // Without a size parameter the API picks the page size: only an empty page ends.
        last = records.isEmpty()
            || pagination.sizeParameter() != null && records.size() < asked;
      }
      case CURSOR -> {
        cursor = text(body.at(pagination.next()));
        last = cursor == null || records.isEmpty();
      }
      case NEXT_LINK -> {
        nextLink = text(body.at(pagination.next()));
        last = nextLink == null || records.isEmpty();
      }
      case NONE -> last = true;
      default -> throw new IllegalStateException(pagination.kind().name());
    }
  }

  private static String text(JsonNode node) {
    return node == null || node.isMissingNode() || node.isNull() || node.asText().isEmpty()
        ? null : node.asText();
  }
}
