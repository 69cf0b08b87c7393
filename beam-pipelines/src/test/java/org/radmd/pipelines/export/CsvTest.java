package org.radmd.pipelines.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {

  @Test
  void fieldsNeedingQuotesRoundTrip(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("x.csv");
    List<String> row = List.of("a,b", "say \"hi\"", "two\nlines", " lead", "plain", "");
    try (Csv.Writer w = new Csv.Writer(f, List.of("c1", "c2", "c3", "c4", "c5", "c6"))) {
      w.row(row);
      assertThrows(IllegalArgumentException.class, () -> w.row(List.of("too few")));
    }
    String text = Files.readString(f, StandardCharsets.UTF_8);
    assertEquals("c1,c2,c3,c4,c5,c6\r\n\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" lead\",plain,\r\n", text);
    List<List<String>> back = Csv.parse(text);
    assertEquals(List.of(List.of("c1", "c2", "c3", "c4", "c5", "c6"), row), back);
  }

  @Test
  void pythonListLiteralsAsReprWritesThem() {
    assertEquals("['F1', 'F2']", Csv.pythonList(List.of("F1", "F2")));
    assertEquals("[]", Csv.pythonList(List.of()));
    assertEquals("[\"it's\", 'a\\'b\"c', 'x\\\\y\\n']", Csv.pythonList(List.of("it's", "a'b\"c", "x\\y\n")));
    List<String> items = List.of("it's", "a'b\"c", "x\\y\n", "fig-1.png", "\u0001");
    assertEquals(items, Csv.parsePythonList(Csv.pythonList(items)));
    assertThrows(IllegalArgumentException.class, () -> Csv.parsePythonList("F1, F2"));
  }
}
