package org.radmd.index.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.radmd.core.ImageKind;
import org.radmd.core.ImageRef;
import org.radmd.core.Json;
import org.radmd.core.Modality;
import org.radmd.core.Sample;
import org.radmd.core.SourceDataset;
import org.radmd.index.CaseSearcher;
import org.radmd.index.DiseaseVocabulary;
import org.radmd.index.IndexSchema;
import org.radmd.index.SearchRequest;
import org.radmd.index.SearchResult;
import org.radmd.index.SimilarCases;
import org.radmd.index.StoredPaths;

/**
 * The JSON API under {@code /api/}; see {@link SearchServer} for the endpoints. Thread-safe: the searcher, the
 * vocabulary and the path resolver are, and the slice cache synchronizes itself.
 */
final class ApiHandler implements GuardedHandler.Route {
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;
  static final int DEFAULT_K = 10;
  static final int MAX_K = 50;
  static final int DEFAULT_SUGGESTIONS = 10;
  static final int MAX_SUGGESTIONS = 50;
  static final int MAX_QUERY_CHARS = 1000;
  static final int MAX_SHORT_PARAM_CHARS = 100;

  private final CaseSearcher searcher;
  private final DiseaseVocabulary vocab;
  private final StoredPaths paths;
  private final VolumeSlices slices;

  ApiHandler(CaseSearcher searcher, DiseaseVocabulary vocab, StoredPaths paths, VolumeSlices slices) {
    this.searcher = searcher;
    this.vocab = vocab;
    this.paths = paths;
    this.slices = slices;
  }

  @Override
  public void handle(HttpExchange ex, RequestParts req) throws IOException, HttpStatusException {
    List<String> s = req.segments();
    // s.get(0) is "api": the server routes only /api/ here.
    String endpoint = s.size() > 1 ? s.get(1) : "";
    switch (endpoint) {
      case "search" -> {
        requireSegments(s, 2);
        Responses.json(ex, 200, search(req));
      }
      case "suggest" -> {
        requireSegments(s, 2);
        Responses.json(ex, 200, suggest(req));
      }
      case "case" -> {
        requireSegments(s, 3);
        Sample sample = sample(s.get(2));
        Responses.bytes(ex, 200, Responses.JSON, Responses.utf8(Json.write(sample)));
      }
      case "similar" -> {
        requireSegments(s, 3);
        int k = req.intParam("k", DEFAULT_K, 1, MAX_K);
        SimilarCases similar = searcher.similar(s.get(2), k)
            .orElseThrow(() -> HttpStatusException.notFound("no sample with this id"));
        Responses.json(ex, 200, withHits(Json.mapper().valueToTree(similar)));
      }
      case "volume" -> volumeSlice(ex, s);
      default -> throw HttpStatusException.notFound("no such API endpoint");
    }
  }

  private ObjectNode search(RequestParts req) throws IOException, HttpStatusException {
    String q = req.textParam("q", MAX_QUERY_CHARS).orElse("");
    Modality modality = null;
    Optional<String> m = req.textParam("modality", MAX_SHORT_PARAM_CHARS);
    if (m.isPresent()) {
      modality = Modality.fromCode(m.get())
          .orElseThrow(() -> HttpStatusException.badRequest("unknown modality code"));
    }
    String source = req.textParam("source", MAX_SHORT_PARAM_CHARS).orElse(null);
    if (source != null) {
      try {
        source = SourceDataset.parse(source).displayName();
      } catch (IllegalArgumentException e) {
        throw HttpStatusException.badRequest("unknown source dataset");
      }
    }
    String diagnosis = req.textParam("diagnosis", MAX_SHORT_PARAM_CHARS).orElse(null);
    int limit = req.intParam("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    SearchResult result;
    try {
      result = searcher.search(new SearchRequest(q, modality, source, diagnosis, limit));
    } catch (IndexSearcher.TooManyClauses | TooComplexToDeterminizeException e) {
      throw HttpStatusException.badRequest("query too broad: narrow its wildcards or regular expressions");
    }

    ObjectNode out = withHits(Json.mapper().valueToTree(result));
    ObjectNode labels = out.putObject("facetLabels").putObject(IndexSchema.DIM_DIAGNOSIS);
    Map<String, Integer> diagnoses = result.facets().getOrDefault(IndexSchema.DIM_DIAGNOSIS, Map.of());
    diagnoses.keySet().forEach(id -> labels.put(id, vocab.name(id).orElse(id)));
    ObjectNode echo = out.putObject("request");
    echo.put("q", q);
    if (modality != null) {
      echo.put("modality", modality.name());
    }
    if (source != null) {
      echo.put("source", source);
    }
    if (diagnosis != null) {
      echo.put("diagnosis", diagnosis);
    }
    echo.put("limit", limit);
    return out;
  }

  /** The canonical JSON leaves empty lists out; the API always has a "hits" array. */
  private static ObjectNode withHits(ObjectNode node) {
    if (!node.has("hits")) {
      node.putArray("hits");
    }
    return node;
  }

  /** Indexed diagnoses first (they have cases), then vocabulary names and synonyms; one per normalized key. */
  private JsonNode suggest(RequestParts req) throws IOException, HttpStatusException {
    String prefix = req.textParam("prefix", MAX_SHORT_PARAM_CHARS).orElse("");
    int limit = req.intParam("limit", DEFAULT_SUGGESTIONS, 1, MAX_SUGGESTIONS);
    List<String> out = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (List<String> source : List.of(searcher.suggestDiagnoses(prefix, limit), vocab.suggest(prefix, limit))) {
      for (String label : source) {
        if (out.size() < limit && keys.add(DiseaseVocabulary.normalize(label))) {
          out.add(label);
        }
      }
    }
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("prefix", prefix);
    ArrayNode list = node.putArray("suggestions");
    out.forEach(list::add);
    return node;
  }

  /** {@code /api/volume/{sampleId}/{imageIndex}/slice/{z}.png}. */
  private void volumeSlice(HttpExchange ex, List<String> s) throws IOException, HttpStatusException {
    requireSegments(s, 6);
    if (!s.get(4).equals("slice") || !s.get(5).endsWith(".png")) {
      throw HttpStatusException.notFound("no such API endpoint");
    }
    Sample sample = sample(s.get(2));
    int index = parseIndex(s.get(3), "image index");
    if (index >= sample.images().size() || sample.images().get(index).kind() != ImageKind.VOLUME_3D) {
      throw HttpStatusException.notFound("the sample has no volume at this index");
    }
    ImageRef image = sample.images().get(index);
    Path file = image.path().endsWith(StoredPaths.VOLUME_SUFFIX) ? paths.resolve(image.path()).orElse(null) : null;
    if (file == null) {
      throw HttpStatusException.notFound("the volume is not stored under this server's output folder");
    }
    String zText = s.get(5);
    int z = parseIndex(zText.substring(0, zText.length() - ".png".length()), "slice");
    VolumeSlices.Grey volume = slices.volume(file);
    if (z >= volume.depth()) {
      throw HttpStatusException.notFound("slice out of range: the volume has " + volume.depth() + " slices");
    }
    ex.getResponseHeaders().set("Cache-Control", "private, max-age=3600");
    Responses.bytes(ex, 200, Responses.PNG, VolumeSlices.slicePng(volume, z));
  }

  private Sample sample(String id) throws IOException, HttpStatusException {
    if (id.isEmpty() || id.length() > MAX_SHORT_PARAM_CHARS * 2) {
      throw HttpStatusException.notFound("no sample with this id");
    }
    return searcher.get(id).orElseThrow(() -> HttpStatusException.notFound("no sample with this id"));
  }

  private static int parseIndex(String text, String what) throws HttpStatusException {
    if (text.isEmpty() || text.length() > 6 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw HttpStatusException.badRequest(what + " must be a non-negative integer");
    }
    return Integer.parseInt(text);
  }

  private static void requireSegments(List<String> s, int n) throws HttpStatusException {
    if (s.size() != n || s.stream().anyMatch(String::isEmpty)) {
      throw HttpStatusException.notFound("no such API endpoint");
    }
  }
}
