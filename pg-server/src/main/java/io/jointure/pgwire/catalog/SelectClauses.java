package io.jointure.pgwire.catalog;

import io.jointure.sql.parser.SqlTokens.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which SELECT's select list, FROM or WHERE clause each token of a statement is in, read from
 * its tokens (keywords and parentheses), for the rewrites that treat a select list apart.
 */
final class SelectClauses {
  /** Keywords that end a SELECT's select list or FROM clause at the same nesting. */
  private static final Set<String> CLAUSE_ENDS = Set.of("WHERE", "GROUP", "HAVING", "ORDER",
      "LIMIT", "OFFSET", "FETCH", "WINDOW", "UNION", "INTERSECT", "EXCEPT", "FOR");

  /**
   * One SELECT: where its FROM keyword is, where its FROM clause (or select list) ends, where its
   * WHERE keyword is and where that clause ends (token indexes), and what a rewrite adds to it.
   */
  static final class Select {
    int from = -1;
    int end = -1;
    int where = -1;
    int whereEnd = -1;
    /** The arrays its select list's set-returning calls unnest, in step, under {@code alias}. */
    final List<String> arrays = new ArrayList<>();
    String alias;
    final List<String> conditions = new ArrayList<>();
  }

  /** One level of parentheses while reading: its SELECT and the clause being read. */
  private static final class Frame {
    final int open;
    Select select;
    boolean inFrom;
    Select inWhereOf;

    Frame(int open) {
      this.open = open;
    }

    /** The clause being read ends at token {@code at}. */
    void endClause(int at) {
      if (select != null && select.end < 0) {
        select.end = at;
      }
      if (inWhereOf != null) {
        inWhereOf.whereEnd = at;
      }
      select = null;
      inFrom = false;
      inWhereOf = null;
    }
  }

  private final Select[] selectOf;
  private final boolean[] inFrom;
  private final int[] openedBy;
  private final List<Select> selects;

  private SelectClauses(Select[] selectOf, boolean[] inFrom, int[] openedBy,
      List<Select> selects) {
    this.selectOf = selectOf;
    this.inFrom = inFrom;
    this.openedBy = openedBy;
    this.selects = selects;
  }

  static SelectClauses of(List<Token> tokens) {
    int n = tokens.size();
    Select[] selectOf = new Select[n];
    boolean[] inFrom = new boolean[n];
    int[] openedBy = new int[n];
    List<Select> selects = new ArrayList<>();
    List<Frame> frames = new ArrayList<>();
    frames.add(new Frame(-1));
    for (int i = 0; i < n; i++) {
      Token t = tokens.get(i);
      if (t.isSymbol(")") && frames.size() > 1) {
        frames.remove(frames.size() - 1).endClause(i);
      }
      Frame frame = frames.get(frames.size() - 1);
      if (t.isWord("SELECT")) {
        frame.endClause(i);
        frame.select = new Select();
        selects.add(frame.select);
      } else if (frame.select != null && t.isWord("FROM") && frame.select.from < 0
          && !(i > 0 && tokens.get(i - 1).isWord("DISTINCT"))) {
        frame.select.from = i;
        frame.inFrom = true;
      } else if (t.isWord("WHERE") && frame.select != null) {
        Select select = frame.select;
        frame.endClause(i);
        select.where = i;
        frame.inWhereOf = select;
      } else if (CLAUSE_ENDS.contains(t.upper())
          && !(t.isWord("GROUP") && i > 0 && tokens.get(i - 1).isWord("WITHIN"))) {
        frame.endClause(i);
      }
      selectOf[i] = frame.select;
      inFrom[i] = frame.inFrom;
      openedBy[i] = frame.open;
      if (t.isSymbol("(")) {
        frames.add(new Frame(i));
      }
    }
    for (Frame frame : frames) {
      frame.endClause(n);
    }
    return new SelectClauses(selectOf, inFrom, openedBy, selects);
  }

  List<Select> selects() {
    return selects;
  }

  /** The SELECT whose select list or FROM clause holds token {@code at} directly, or null. */
  Select selectOf(int at) {
    return selectOf[at];
  }

  boolean inFrom(int at) {
    return inFrom[at];
  }

  /** The SELECT whose select list holds token {@code at}, through enclosing parentheses. */
  Select selectListOf(int at) {
    int i = at;
    while (i >= 0) {
      if (selectOf[i] != null) {
        return inFrom[i] ? null : selectOf[i];
      }
      i = openedBy[i];
    }
    return null;
  }
}
