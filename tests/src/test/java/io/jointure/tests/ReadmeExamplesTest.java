package io.jointure.tests;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jointure.model.Model;
import io.jointure.model.ModelLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's model examples load as a user pastes them, and its links to the project's files
 * lead somewhere in a clone. A fragment (a datasource, a collection) is read inside the README's
 * first, whole model, as the text around it tells the user to place it.
 */
class ReadmeExamplesTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL);
  private static final Pattern LOCAL_LINK = Pattern.compile("\\]\\(((?!https?:)[^)#]+)\\)");
  private static final ModelLoader LOADER = ModelLoader.withEnvironment(Map.of(
      "CRM_USER", "crm", "CRM_PASSWORD", "secret", "BILLING_TOKEN", "t", "BILLING_KEY", "k",
      "BRANCHES_TOKEN", "b"));

  private static List<String> yamlBlocks() throws Exception {
    List<String> blocks = new ArrayList<>();
    Matcher m = YAML_BLOCK.matcher(Files.readString(README));
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  @Test
  void everyModelExampleLoads() throws Exception {
    List<String> blocks = yamlBlocks();
    assertTrue(blocks.size() >= 4, "the README's model examples were not found: " + blocks);
    String whole = blocks.get(0);
    assertTrue(whole.startsWith("version: 1\ndatasources:\n"), whole);
    for (String block : blocks) {
      String model;
      if (block.startsWith("version:")) {
        model = block;
      } else if (block.startsWith("collections:")) {
        model = whole + block;
      } else if (block.contains("\n    type: ") || block.matches("(?s)^  \\w+:\n    type: .*")) {
        model = whole + block; // a datasource, under the model's datasources:
      } else {
        model = whole + "collections:\n" + block; // a collection's entry
      }
      Model loaded = assertDoesNotThrow(() -> LOADER.parse("README example", model),
          "this README example does not load:\n" + block);
      assertFalse(loaded.datasources().isEmpty());
    }
  }

  @Test
  void linksToTheProjectsFilesLeadToFiles() throws Exception {
    Matcher m = LOCAL_LINK.matcher(Files.readString(README));
    int links = 0;
    while (m.find()) {
      links++;
      Path target = README.getParent().resolve(m.group(1));
      assertTrue(Files.exists(target), "the README links to " + m.group(1)
          + ", which a clone does not have");
    }
    assertTrue(links >= 3, "the README's links were not found");
  }
}
