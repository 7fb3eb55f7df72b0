package io.jointure.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.jointure.adapter.execution.QueryControl;
import io.jointure.model.RestCollectionConfig;
import io.jointure.model.RestPagination;
import io.jointure.sql.errors.ErrorCode;
import java.net.URI;
import java.util.List;

/**
 * The records of one listing of a REST collection, page after page as the collection's pagination
 * says, fetched when the previous page is used up, and no more than {@code limit} records. Every
 * page is one request in the source's request log.
 */
final class RecordPages extends PagedRecords {
  private final RestSource source;
  private final RestCollection.ApiCollection endpoint;
  private final List<String[]> parameters;
  private final RestPagination pagination;
  private long pageNumber;
  private long offset;
  private String cursor;
  private String nextLink;
  private java.net.URI previous;
  /**
   * Records per page as the API serves them: what the first page held when the API gave fewer
   * than asked (it caps page sizes) but more than none; a shorter page after that is the last.
   */
  private long pageSize = -1;

  /**
   * @param parameters query parameters for every page (filters, sort), name and value
   * @param limit      records wanted at most; {@code Long.MAX_VALUE} for all
   */
  RecordPages(RestSource source, RestCollection.ApiCollection endpoint, List<String[]> parameters,
      long limit, QueryControl control) {
    super(limit, control);
    this.source = source;
    this.endpoint = endpoint;
    this.parameters = parameters;
    this.pagination = endpoint.config().pagination();
    this.pageNumber = pagination.firstPage();
  }

  /** The URL of the next page, without the pagination's own parameters for a next link. */
  RestUrl nextUrl() {
    RestCollectionConfig config = endpoint.config();
    if (nextLink != null) {
      // A relative link is relative to the page that gave it; credentials go to the API only.
      URI next = previous.resolve(nextLink);
      URI base = URI.create(endpoint.baseUrl());
      boolean sameOrigin = java.util.Objects.equals(next.getScheme(), base.getScheme())
          && java.util.Objects.equals(next.getHost(), base.getHost())
          && next.getPort() == base.getPort();
      return RestUrl.continuing(next.toString(),
          sameOrigin ? source.secretParameters() : java.util.Map.of());
    }
    RestUrl url = RestUrl.of(endpoint.baseUrl() + config.path(), source.secretParameters());
    parameters.forEach(p -> url.add(p[0], p[1]));
    long size = requestedSize();
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

  /**
   * Records to ask for per page: the configured size, or the limit when smaller. Page numbers
   * count pages of one size, so a page listing asks the same size every time; other schemes
   * ask for just the records still wanted.
   */
  private long requestedSize() {
    return pagination.kind() == RestPagination.Kind.PAGE ? Math.min(pagination.size(), limit)
        : Math.min(pagination.size(), limit - returned());
  }

  @Override
  protected void fetchPage() {
    RestUrl url = nextUrl();
    long asked = requestedSize();
    RestSource.Page response = source.fetch(url, endpoint.config().records(), control);
    JsonNode body = response.body();
    JsonNode records = response.records();
    page = records.elements();
    previous = url.toUri();
    switch (pagination.kind()) {
      case PAGE, OFFSET -> {
        pageNumber++;
        offset += records.size();
        if (pageSize < 0 && !records.isEmpty()) {
          pageSize = Math.min(asked, records.size());
          // The first page may be short because the API caps sizes: one more page tells.
          last = false;
        } else {
          // Without a size parameter the API picks the page size: only an empty page ends.
          last = records.isEmpty()
              || pagination.sizeParameter() != null && records.size() < pageSize;
        }
      }
      case CURSOR -> {
        String next = text(body.at(pagination.next()));
        repeated(next, cursor, url, "cursor");
        cursor = next;
        last = cursor == null || records.isEmpty();
      }
      case NEXT_LINK -> {
        String next = text(body.at(pagination.next()));
        repeated(next, nextLink, url, "next link");
        nextLink = next;
        last = nextLink == null || records.isEmpty();
      }
      case NONE -> last = true;
      default -> throw new IllegalStateException(pagination.kind().name());
    }
  }

  /** An API that hands back the same cursor or link would be listed forever. */
  private void repeated(String next, String current, RestUrl url, String what) {
    if (next != null && next.equals(current)) {
      throw new RestException(ErrorCode.EXTERNAL_ROUTINE_EXCEPTION, source.name(),
          "GET " + url.shown(),
          "the response repeats the " + what
          + " it was asked with, so the listing would never end; check the collection's"
          + " pagination (" + endpoint.config().modelPath() + ".pagination)", null);
    }
  }

  private static String text(JsonNode node) {
    return node == null || node.isMissingNode() || node.isNull() || node.asText().isEmpty()
        ? null : node.asText();
  }
}
