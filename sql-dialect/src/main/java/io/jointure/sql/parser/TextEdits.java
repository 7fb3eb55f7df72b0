package io.jointure.sql.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Replacements made in a text, in order, and the way back: a line and column of the edited text
 * to the line and column the user wrote (an error's position must point into the user's SQL).
 */
public final class TextEdits {
  private record Edit(int start, int end, String replacement) {
  }

  private final String original;
  private final List<Edit> edits = new ArrayList<>();
  private boolean sorted = true;

  public TextEdits(String original) {
    this.original = original;
  }

  /** Replaces {@code [start, end)} of the original; edits must not overlap. */
  public void replace(int start, int end, String replacement) {
    edits.add(new Edit(start, end, replacement));
    sorted = false;
  }

  /** Insertions before a replacement at the same place; otherwise in the order made. */
  private void sort() {
    if (!sorted) {
      edits.sort(java.util.Comparator.comparingInt(Edit::start)
          .thenComparingInt(e -> e.end - e.start));
      sorted = true;
    }
  }

  public boolean isEmpty() {
    return edits.isEmpty();
  }

  public String apply() {
    sort();
    StringBuilder text = new StringBuilder(original.length() + 16 * edits.size());
    int at = 0;
    for (Edit edit : edits) {
      text.append(original, at, edit.start).append(edit.replacement);
      at = edit.end;
    }
    return text.append(original, at, original.length()).toString();
  }

  /** The offset in the original text of an offset in the edited text. */
  int originalOffset(int editedOffset) {
    sort();
    int delta = 0;
    for (Edit edit : edits) {
      int editedStart = edit.start + delta;
      if (editedOffset < editedStart) {
        break;
      }
      if (editedOffset < editedStart + edit.replacement.length()) {
        return edit.start; // inside a replacement: its start
      }
      delta += edit.replacement.length() - (edit.end - edit.start);
    }
    return Math.max(0, Math.min(original.length(), editedOffset - delta));
  }

  /**
   * The original (line, column), both 1-based as Calcite reports them, of an edited text's
   * (line, column).
   */
  public int[] originalPosition(int line, int column) {
    if (edits.isEmpty() || line < 1 || column < 1) {
      return new int[] {line, column};
    }
    String edited = apply();
    int offset = offsetOf(edited, line, column);
    int originalOffset = originalOffset(offset);
    int originalLine = 1;
    int lineStart = 0;
    for (int i = 0; i < originalOffset && i < original.length(); i++) {
      if (original.charAt(i) == '\n') {
        originalLine++;
        lineStart = i + 1;
      }
    }
    return new int[] {originalLine, originalOffset - lineStart + 1};
  }

  private static int offsetOf(String text, int line, int column) {
    int offset = 0;
    for (int l = 1; l < line && offset < text.length(); offset++) {
      if (text.charAt(offset) == '\n') {
        l++;
      }
    }
    return Math.min(text.length(), offset + column - 1);
  }
}
