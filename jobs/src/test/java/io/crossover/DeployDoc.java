package io.crossover;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A spark-submit line as docs/deploy.md prints it, made runnable on the test's machines: the tests
 * submit this, so the line a user copies is the line that was run.
 */
final class DeployDoc {
  private static final Path DEPLOY = Path.of("../docs/deploy.md");

  private final List<String> tokens;

  private DeployDoc(List<String> tokens) {
    this.tokens = tokens;
  }

  /** The first {@code bash} block after the line {@code <title>:} in docs/deploy.md, as shell words. */
  static DeployDoc submitLine(String title) throws IOException {
    List<String> lines = Files.readAllLines(DEPLOY);
    int heading = lines.indexOf(title + ":");
    if (heading < 0) {
      throw new IllegalStateException("docs/deploy.md has no line '" + title + ":'");
    }
    int start = lines.subList(heading, lines.size()).indexOf("```bash") + heading + 1;
    StringBuilder command = new StringBuilder();
    for (int i = start; !lines.get(i).equals("```"); i++) {
      command.append(lines.get(i).replaceAll("\\\\$", "")).append(' ');
    }
    List<String> words = new ArrayList<>(List.of(command.toString().trim().split("\\s+")));
    if (!words.get(0).equals("spark-submit")) {
      throw new IllegalStateException("docs/deploy.md's " + title + " block is not a spark-submit line: " + words);
    }
    return new DeployDoc(words.subList(1, words.size()));
  }

  /** Replaces a word of the line; fails if the line has no such word, so a changed doc fails the test. */
  DeployDoc replacing(String word, String with) {
    int at = tokens.indexOf(word);
    if (at < 0) {
      throw new IllegalStateException("docs/deploy.md's line has no '" + word + "': " + tokens);
    }
    List<String> changed = new ArrayList<>(tokens);
    changed.set(at, with);
    return new DeployDoc(changed);
  }

  /** Sets the value that follows {@code option} (for example --deploy-mode), which must be there. */
  DeployDoc withOption(String option, String value) {
    int at = tokens.indexOf(option);
    if (at < 0) {
      throw new IllegalStateException("docs/deploy.md's line has no option " + option + ": " + tokens);
    }
    List<String> changed = new ArrayList<>(tokens);
    changed.set(at + 1, value);
    return new DeployDoc(changed);
  }

  /** Adds {@code --conf key=value} before --class: the machine's own sizes and endpoints. */
  DeployDoc withConf(Map<String, String> conf) {
    List<String> changed = new ArrayList<>(tokens);
    int at = changed.indexOf("--class");
    List<String> added = new ArrayList<>();
    conf.forEach((key, value) -> added.addAll(List.of("--conf", key + "=" + value)));
    changed.addAll(at, added);
    return new DeployDoc(changed);
  }

  List<String> arguments() {
    return List.copyOf(tokens);
  }
}
