package io.jointure.model;

/**
 * How a REST collection's pages are asked for.
 *
 * @param kind           which scheme the API uses
 * @param pageParameter  PAGE: the page number; OFFSET: the offset; CURSOR: the cursor
 * @param sizeParameter  records per page (or limit), if the API takes one
 * @param size           records asked for per page
 * @param firstPage      PAGE: the number of the first page (0 or 1)
 * @param next           CURSOR: JSON pointer to the next cursor in a response; NEXT_LINK: to
 *                       the next page's URL
 */
public record RestPagination(Kind kind, String pageParameter, String sizeParameter, int size,
    int firstPage, String next) {
  public static final int DEFAULT_SIZE = 100;

  /** The pagination schemes. */
  public enum Kind {
    /** One response holds every record. */
    NONE,
    /** {@code ?page=2&per_page=100}. */
    PAGE,
    /** {@code ?offset=200&limit=100}. */
    OFFSET,
    /** {@code ?cursor=<from the previous response>&limit=100}. */
    CURSOR,
    /** The response carries the next page's URL. */
    NEXT_LINK
  }

  public static RestPagination none() {
    return new RestPagination(Kind.NONE, null, null, 0, 0, null);
  }
}
