package io.jointure.pgwire.session;

import io.jointure.sql.parser.SqlTokens;
import io.jointure.sql.parser.SqlTokens.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's numbered parameters ({@code $1}, {@code $2}, repeated or in any order) turned
 * into JDBC's positional {@code ?}: the text Jointure prepares, and for each {@code ?} the
 * number of the parameter whose value it takes. Strings, quoted names and comments are left alone.
 */
record Placeholders(String jdbcSql, List<Integer> numbers) {
  static Placeholders of(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    List<Integer> numbers = new ArrayList<>();
    List<Token> tokens = SqlTokens.of(sql);
    int copied = 0;
    for (int i = 0; i + 1 < tokens.size(); i++) {
      Token dollar = tokens.get(i);
      Token number = tokens.get(i + 1);
      if (dollar.isSymbol("$") && number.kind() == SqlTokens.Kind.NUMBER
          && number.start() == dollar.end() && number.text().chars().allMatch(Character::isDigit)) {
        out.append(sql, copied, dollar.start()).append('?');
        numbers.add(Integer.parseInt(number.text()));
        copied = number.end();
        i++;
      }
    }
    out.append(sql, copied, sql.length());
    return new Placeholders(out.toString(), List.copyOf(numbers));
  }

  /** How many parameters the statement has: its highest {@code $n}. */
  int parameterCount() {
    return numbers.stream().mapToInt(Integer::intValue).max().orElse(0);
  }
}
