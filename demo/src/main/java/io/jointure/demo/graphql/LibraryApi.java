package io.jointure.demo.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The seeds' libraries and their books as a GraphQL API, the shapes real APIs use: a plain list
 * with filter arguments ({@code libraries(ids, city)}, the city matched in any case), a Relay
 * connection with cursors ({@code books(first, after, libraryId, ids, format, published,
 * filter, orderBy)}, at most 50 a page; an input-object filter, and an order as SQL's, NULLs
 * last ascending), a connection that requires its size ({@code shelf(first: Int!)}), a list
 * that requires an argument ({@code booksOfAuthor(authorId: ID!)}), a list with a size only
 * ({@code recentBooks(limit)}), offset pagination
 * ({@code authors(limit, offset)}, at most 20 a page), a nested object ({@code Book.author}),
 * an enum, a list of scalars and a custom scalar ({@code DateTime}, ISO text), and a list
 * inside an object ({@code authorDirectory { entries }}), which introspection does not make a
 * table.
 */
public final class LibraryApi {
  static final String SCHEMA = """
      scalar DateTime
      enum Format { HARDCOVER PAPERBACK EBOOK }
      type Query {
        libraries(ids: [ID!], city: String): [Library!]!
        library(id: ID!): Library
        books(first: Int, after: String, libraryId: ID, ids: [ID!], format: Format,
              published: DateTime, filter: BookFilter, orderBy: BookOrder): BookConnection!
        recentBooks(limit: Int): [Book!]!
        shelf(first: Int!, after: String): BookConnection!
        booksOfAuthor(authorId: ID!): [Book!]!
        authors(limit: Int, offset: Int): [Author!]!
        authorDirectory: AuthorDirectory!
      }
      type AuthorDirectory { count: Int!, entries: [Author!]! }
      input BookFilter { available: Boolean, authorId: ID }
      enum BookField { TITLE PAGES PUBLISHED }
      enum Direction { ASC DESC }
      input BookOrder { field: BookField!, direction: Direction! }
      type Library { id: ID!, name: String!, city: String, townId: Int }
      type Book {
        id: ID!
        title: String!
        libraryId: ID!
        format: Format
        pages: Int
        price: Float
        available: Boolean!
        published: DateTime
        tags: [String!]
        author: Author
      }
      type Author { id: ID!, name: String!, born: Int }
      type BookConnection { edges: [BookEdge!]!, pageInfo: PageInfo!, totalCount: Int! }
      type BookEdge { node: Book!, cursor: String! }
      type PageInfo { hasNextPage: Boolean!, endCursor: String }
      """;
  /** The most records one page holds, whatever a client asks: APIs cap their pages. */
  public static final int MAX_BOOKS_PER_PAGE = 50;
  public static final int MAX_AUTHORS_PER_PAGE = 20;

  public record Library(String id, String name, String city, Integer townId) {
  }

  public record Book(String id, String title, String libraryId, String format, Integer pages,
      Double price, boolean available, String published, List<String> tags, String authorId) {
  }

  public record Author(String id, String name, Integer born) {
  }

  /** What the API serves. */
  public record Data(List<Library> libraries, List<Book> books, List<Author> authors) {
  }

  /** An ISO-8601 instant, sent as text, as commerce and CMS APIs' DateTime scalars are. */
  private static final graphql.schema.GraphQLScalarType DATE_TIME =
      graphql.schema.GraphQLScalarType.newScalar().name("DateTime")
          .description("An ISO-8601 instant").coercing(new graphql.schema.Coercing<Object, String>() {
            @Override
            public String serialize(Object value, graphql.GraphQLContext context,
                java.util.Locale locale) {
              return value.toString();
            }

            @Override
            public Object parseValue(Object input, graphql.GraphQLContext context,
                java.util.Locale locale) {
              return input.toString();
            }

            @Override
            public Object parseLiteral(graphql.language.Value<?> input,
                graphql.execution.CoercedVariables variables, graphql.GraphQLContext context,
                java.util.Locale locale) {
              return ((graphql.language.StringValue) input).getValue();
            }
          }).build();

  private LibraryApi() {
  }

  /**
   * {@code libraries} libraries, in towns 1 to 6 (the demo's), with {@code booksEach}
   * books each, by a few authors; some values missing, as in real data.
   */
  public static Data sample(int libraries, int booksEach) {
    List<Author> authors = new ArrayList<>();
    for (int a = 1; a <= 30; a++) {
      authors.add(new Author("A" + a, "Author " + a, a % 7 == 0 ? null : 1900 + a * 3));
    }
    List<Library> libs = new ArrayList<>();
    List<Book> books = new ArrayList<>();
    String[] formats = {"HARDCOVER", "PAPERBACK", "EBOOK"};
    for (int l = 1; l <= libraries; l++) {
      libs.add(new Library("L" + l, "Library " + l, l % 5 == 0 ? null : "City " + (l % 4),
          l % 7 == 0 ? null : 1 + (l - 1) % 6));
      for (int b = 1; b <= booksEach; b++) {
        int n = (l - 1) * booksEach + b;
        books.add(new Book("B" + n, "Book " + n + (n % 11 == 0 ? " \"}) { __schema" : ""),
            "L" + l, n % 9 == 0 ? null : formats[n % 3], n % 13 == 0 ? null : 100 + n % 400,
            n % 17 == 0 ? null : (n % 50) + 0.5, n % 4 != 0,
            n % 10 == 0 ? null : String.format("20%02d-%02d-%02dT10:00:00Z", n % 24, 1 + n % 12,
                1 + n % 28), n % 3 == 0 ? List.of() : List.of("tag" + n % 5, "tag" + n % 7),
            n % 8 == 0 ? null : "A" + (1 + n % 30)));
      }
    }
    return new Data(List.copyOf(libs), List.copyOf(books), List.copyOf(authors));
  }

  static GraphQLSchema schema(Data data) {
    Map<String, Author> authorsById = new LinkedHashMap<>();
    data.authors().forEach(a -> authorsById.put(a.id(), a));
    RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
        .scalar(DATE_TIME)
        .type("Query", type -> type
            .dataFetcher("libraries", libraries(data))
            .dataFetcher("library", env -> data.libraries().stream()
                .filter(l -> l.id().equals(env.getArgument("id"))).findFirst().orElse(null))
            .dataFetcher("books", books(data))
            .dataFetcher("shelf", books(data))
            .dataFetcher("booksOfAuthor", env -> data.books().stream()
                .filter(b -> env.getArgument("authorId").equals(b.authorId())).toList())
            .dataFetcher("recentBooks", env -> {
              Integer limit = env.getArgument("limit");
              List<Book> all = data.books();
              return limit == null ? all : all.subList(Math.max(0, all.size() - limit),
                  all.size());
            })
            .dataFetcher("authorDirectory", env -> Map.of("count", data.authors().size(),
                "entries", data.authors()))
            .dataFetcher("authors", env -> {
              int offset = Math.max(0, Objects.requireNonNullElse(env.getArgument("offset"), 0));
              Integer asked = env.getArgument("limit");
              int limit = Math.min(asked == null ? MAX_AUTHORS_PER_PAGE : asked,
                  MAX_AUTHORS_PER_PAGE);
              List<Author> all = data.authors();
              return all.subList(Math.min(offset, all.size()),
                  Math.min(all.size(), offset + Math.max(0, limit)));
            }))
        .type("Book", type -> type.dataFetcher("author", env -> {
          Book book = env.getSource();
          return book.authorId() == null ? null : authorsById.get(book.authorId());
        }))
        .build();
    return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SCHEMA), wiring);
  }

  private static DataFetcher<List<Library>> libraries(Data data) {
    return env -> {
      List<String> ids = env.getArgument("ids");
      String city = env.getArgument("city");
      return data.libraries().stream()
          .filter(l -> ids == null || ids.contains(l.id()))
          .filter(l -> city == null || city.equalsIgnoreCase(l.city())) // a search, as APIs' are
          .toList();
    };
  }

  /** A Relay connection: a cursor is the position after which the next page starts. */
  private static DataFetcher<Map<String, Object>> books(Data data) {
    return env -> {
      String libraryId = env.getArgument("libraryId");
      List<String> ids = env.getArgument("ids");
      String format = env.getArgument("format") == null ? null
          : env.getArgument("format").toString();
      Object published = env.getArgument("published");
      Map<String, Object> filter = env.getArgument("filter");
      Boolean available = filter == null ? null : (Boolean) filter.get("available");
      Object authorId = filter == null ? null : filter.get("authorId");
      List<Book> matching = data.books().stream()
          .filter(b -> libraryId == null || libraryId.equals(b.libraryId()))
          .filter(b -> ids == null || ids.contains(b.id()))
          .filter(b -> format == null || format.equals(b.format()))
          .filter(b -> published == null || b.published() != null && java.time.Instant.parse(
              published.toString()).equals(java.time.Instant.parse(b.published())))
          .filter(b -> available == null || available == b.available())
          .filter(b -> authorId == null || authorId.equals(b.authorId()))
          .sorted(order(env.getArgument("orderBy")))
          .toList();
      String after = env.getArgument("after");
      int start = after == null ? 0 : Integer.parseInt(new String(
          Base64.getDecoder().decode(after), StandardCharsets.UTF_8).substring("at:".length()));
      Integer first = env.getArgument("first");
      int size = Math.min(first == null ? MAX_BOOKS_PER_PAGE : first, MAX_BOOKS_PER_PAGE);
      int end = Math.min(matching.size(), start + Math.max(0, size));
      List<Map<String, Object>> edges = new ArrayList<>();
      for (int i = start; i < end; i++) {
        edges.add(Map.of("node", matching.get(i), "cursor", cursor(i + 1)));
      }
      Map<String, Object> pageInfo = new LinkedHashMap<>();
      pageInfo.put("hasNextPage", end < matching.size());
      pageInfo.put("endCursor", end > start ? cursor(end) : null);
      return Map.of("edges", edges, "pageInfo", pageInfo, "totalCount", matching.size());
    };
  }

  /** SQL's order: NULLs last ascending, first descending; ties as listed. */
  private static java.util.Comparator<Book> order(Map<String, Object> orderBy) {
    if (orderBy == null) {
      return (a, b) -> 0;
    }
    java.util.function.Function<Book, Comparable<?>> key = switch (orderBy.get("field")
        .toString()) {
      case "TITLE" -> Book::title;
      case "PAGES" -> Book::pages;
      default -> Book::published;
    };
    @SuppressWarnings({"unchecked", "rawtypes"})
    java.util.Comparator<Book> ascending = java.util.Comparator.comparing(
        b -> (Comparable) key.apply(b), java.util.Comparator.nullsLast(
            java.util.Comparator.naturalOrder()));
    return "DESC".equals(orderBy.get("direction").toString()) ? ascending.reversed() : ascending;
  }

  private static String cursor(int position) {
    return Base64.getEncoder().encodeToString(("at:" + position)
        .getBytes(StandardCharsets.UTF_8));
  }
}
