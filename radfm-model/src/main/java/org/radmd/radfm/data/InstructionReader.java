package org.radmd.radfm.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.radmd.core.Json;
import org.radmd.radfm.Prompt;

/**
 * Reads the unified instruction JSONL (notes/contract.md). A malformed line does not stop the read: it is
 * reported in {@link Result#problems()} with its line number and skipped. A line is malformed when it is not a
 * JSON object of the contract, lacks id, question, answer or task, names an unknown task, has a marker count that
 * differs from its image count, has an image path that is absolute or climbs out of OUT ({@code ..}), or an image
 * position that disagrees with its marker. Stateless and thread-safe.
 */
public final class InstructionReader {
  private InstructionReader() {}

  /** A skipped line: its 1-based number and why. */
  public record Problem(long line, String reason) {}

  /** The lines read and the lines skipped. */
  public record Result(List<InstructionRecord> records, List<Problem> problems) {
    public Result {
      records = List.copyOf(records);
      problems = List.copyOf(problems);
    }
  }

  /** The split file {@code OUT/radmd/instructions/<split>.jsonl}. */
  public static Path splitFile(Path radmdDir, String split) {
    return radmdDir.resolve("instructions").resolve(split + ".jsonl");
  }

  /**
   * Reads at most {@code limit} valid lines (all when {@code limit <= 0}).
   *
   * @throws IOException if the file cannot be read
   */
  public static Result read(Path jsonl, int limit) throws IOException {
    List<InstructionRecord> records = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
      long n = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        try {
          InstructionRecord rec = Json.mapper().readValue(line, InstructionRecord.class);
          String why = invalid(rec);
          if (why != null) {
            problems.add(new Problem(n, why));
            continue;
          }
          records.add(rec);
          if (limit > 0 && records.size() >= limit) {
            break;
          }
        } catch (JsonProcessingException e) {
          problems.add(new Problem(n, "not a JSON instruction record: " + e.getOriginalMessage()));
        }
      }
    }
    return new Result(records, problems);
  }

  /** Why a parsed record breaks the contract, or null. */
  static String invalid(InstructionRecord r) {
    if (r.id() == null || r.id().isBlank()) {
      return "no id";
    }
    if (r.question() == null || r.answer() == null) {
      return r.id() + ": no question or answer";
    }
    if (r.task() == null || !InstructionRecord.TASKS.contains(r.task())) {
      return r.id() + ": unknown task " + r.task();
    }
    int markers = Prompt.countMarkers(r.question());
    if (markers != r.images().size()) {
      return r.id() + ": " + markers + " <image> markers but " + r.images().size() + " images";
    }
    var positions = org.radmd.radfm.text.PromptEncoder.removeMarkers(r.question()).positions();
    for (int k = 0; k < r.images().size(); k++) {
      InstructionRecord.ImageEntry e = r.images().get(k);
      if (!safeRelative(e.path())) {
        return r.id() + ": image path not relative to the output folder: " + e.path();
      }
      if (e.position() != positions.get(k)) {
        return r.id() + ": image " + k + " position " + e.position() + " but its marker is at " + positions.get(k);
      }
    }
    return null;
  }

  /** A '/'-separated relative path without empty, "." or ".." segments, backslash, colon or NUL. */
  static boolean safeRelative(String p) {
    if (p == null || p.isEmpty() || p.startsWith("/") || p.indexOf('\\') >= 0 || p.indexOf(':') >= 0
        || p.indexOf('\0') >= 0) {
      return false;
    }
    for (String s : p.split("/", -1)) {
      if (s.isEmpty() || s.equals(".") || s.equals("..")) {
        return false;
      }
    }
    return true;
  }
}
