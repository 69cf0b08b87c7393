package org.radmd.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analyzer of every text field: {@link EnglishAnalyzer}'s chain (standard tokenizer, English possessive,
 * lower case, English stop words, Porter stemming) with ASCII folding added before the stop filter, so that
 * "Sjögren's" and "sjogren" meet. Values of a multi-valued field are {@value #VALUE_GAP} positions apart, so a
 * phrase never spans two diagnoses or two captions.
 *
 * <p>Thread-safe, as every Lucene analyzer (token streams are reused per thread). Whoever creates one closes it.
 */
final class ClinicalTextAnalyzer extends Analyzer {
  static final int VALUE_GAP = 100;

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    TokenStream result = new EnglishPossessiveFilter(source);
    result = new LowerCaseFilter(result);
    result = new ASCIIFoldingFilter(result);
    result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    result = new PorterStemFilter(result);
    return new TokenStreamComponents(source, result);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }

  @Override
  public int getPositionIncrementGap(String fieldName) {
    return VALUE_GAP;
  }
}
