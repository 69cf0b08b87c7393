package org.radmd.scrapers.covid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FigureMentionsTest {
  @Test
  void figureNumbersFromIds() {
    assertEquals(1, FigureMentions.number("Fig1"));
    assertEquals(2, FigureMentions.number("F2"));
    assertEquals(3, FigureMentions.number("fig3"));
    assertEquals(12, FigureMentions.number("FIG12"));
    assertEquals(4, FigureMentions.number("dfig4"));
    assertEquals(-1, FigureMentions.number("pone.0230000.g001"));
    assertEquals(-1, FigureMentions.number("fig1-2"));
    assertEquals(-1, FigureMentions.number(null));
  }

  @Test
  void mentionsExpandListsAndRanges() {
    assertEquals(Set.of(2), FigureMentions.mentioned("as shown (Fig. 2)"));
    assertEquals(Set.of(1, 2, 3), FigureMentions.mentioned("see Figs 1-3"));
    assertEquals(Set.of(2, 4), FigureMentions.mentioned("Figures 2 and 4 show"));
    assertEquals(Set.of(1, 5), FigureMentions.mentioned("Fig. 1b and Figure 5"));
    assertEquals(Set.of(3, 4, 5), FigureMentions.mentioned("Figures 3\u20135"));
    assertEquals(Set.of(), FigureMentions.mentioned("fifteen figures"));
  }

  @Test
  void citingKeepsMentioningSentencesOrWholePassages() {
    List<String> passages = List.of("CT showed GGO (Fig. 1). X-ray was normal (Fig. 2). Nothing else.",
        "Follow-up (Figs. 1-3) improved.");
    assertEquals(List.of("CT showed GGO (Fig. 1).", "Follow-up (Figs. 1-3) improved."),
        FigureMentions.citing(passages, 1));
    assertEquals(List.of("Follow-up (Figs. 1-3) improved."), FigureMentions.citing(passages, 3));
    assertEquals(passages, FigureMentions.citing(passages, 9), "no sentence names figure 9: passages kept whole");
    assertEquals(passages, FigureMentions.citing(passages, -1));
    assertEquals(4, FigureMentions.firstOffset("CT (Fig. 2) then Fig. 1", 2));
    assertEquals(17, FigureMentions.firstOffset("CT (Fig. 2) then Fig. 1", 1));
    assertEquals(0, FigureMentions.firstOffset("no mention", 1));
  }
}
