package org.radmd.filters;

import java.awt.image.BufferedImage;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;
import org.radmd.core.image.Images;

/**
 * Cheap pixel statistics of one 2D image that tell radiology pictures (grey-scale, dark or mid-grey
 * background, continuous tones) from colour photographs and micrographs and from charts and diagrams (white
 * background, a few flat tones), plus the white or black gutters that split a compound figure into panels.
 *
 * <p>All statistics are computed on the image as the build stores it: RGB, longest side capped at
 * {@value #SIDE} pixels ({@link Images#toRgb}, {@link Images#capLongestSide}). Luma is ITU-R BT.601
 * ({@code (299 R + 587 G + 114 B) / 1000}); a pixel is <i>coloured</i> when its chroma {@code max(R,G,B) -
 * min(R,G,B)} is at least {@value #CHROMA_MIN} of 255 (JPEG noise and the tinted watermarks of MedPix stay
 * below), <i>near-white</i> when its luma is at least {@value #WHITE_MIN}, <i>near-black</i> at most
 * {@value #BLACK_MAX}.
 *
 * @param width stored width, pixels
 * @param height stored height, pixels
 * @param colourFraction fraction of coloured pixels, [0, 1]
 * @param whiteFraction fraction of near-white pixels, [0, 1]
 * @param blackFraction fraction of near-black pixels, [0, 1]
 * @param flatFraction fraction of pixels whose luma is one of the 4 most frequent luma values, [0, 1]:
 *     large for flat-filled charts and line art, small for continuous-tone images
 * @param columnPanels panels found between full-height gutters (columns that are at least 98% near-white: journals
 *     separate panels with white space; black rows and columns are the background of radiology images) at least
 *     0.5% of the width and 2 pixels wide, each panel at least 15% of the width; 1 when none
 * @param rowPanels the same along the height
 */
public record ImageStatistics(int width, int height, double colourFraction, double whiteFraction,
    double blackFraction, double flatFraction, int columnPanels, int rowPanels) implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Longest side of the image the statistics are computed on, pixels (the build's default cap). */
  public static final int SIDE = 512;
  public static final int CHROMA_MIN = 40;
  public static final int WHITE_MIN = 235;
  public static final int BLACK_MAX = 20;
  private static final double GUTTER_PURITY = 0.98;
  private static final double MIN_GUTTER = 0.005;
  private static final int MIN_GUTTER_PX = 2;
  private static final double MIN_PANEL = 0.15;

  /** Panels in the layout: {@code columnPanels * rowPanels}. */
  public int layoutPanels() {
    return columnPanels * rowPanels;
  }

  /**
   * The statistics of {@code image}.
   *
   * @param image any decoded image
   * @throws NullPointerException if {@code image} is null
   */
  public static ImageStatistics of(BufferedImage image) {
    Objects.requireNonNull(image, "image");
    BufferedImage img = Images.capLongestSide(Images.toRgb(image), SIDE);
    int w = img.getWidth();
    int h = img.getHeight();
    int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
    long coloured = 0;
    long white = 0;
    long black = 0;
    long[] histogram = new long[256];
    int[] whiteInColumn = new int[w];
    int[] whiteInRow = new int[h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = rgb[y * w + x];
        int r = (p >> 16) & 0xff;
        int g = (p >> 8) & 0xff;
        int b = p & 0xff;
        int luma = (299 * r + 587 * g + 114 * b) / 1000;
        histogram[luma]++;
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) >= CHROMA_MIN) {
          coloured++;
        }
        if (luma >= WHITE_MIN) {
          white++;
          whiteInColumn[x]++;
          whiteInRow[y]++;
        } else if (luma <= BLACK_MAX) {
          black++;
        }
      }
    }
    double n = (double) w * h;
    long[] sorted = histogram.clone();
    Arrays.sort(sorted);
    long top4 = sorted[255] + sorted[254] + sorted[253] + sorted[252];
    return new ImageStatistics(w, h, coloured / n, white / n, black / n, top4 / n,
        panels(whiteInColumn, h), panels(whiteInRow, w));
  }

  /** Panels separated by gutter lines along one axis; {@code across} = pixels per line. */
  static int panels(int[] whitePerLine, int across) {
    int len = whitePerLine.length;
    boolean[] gutter = new boolean[len];
    for (int i = 0; i < len; i++) {
      gutter[i] = whitePerLine[i] >= GUTTER_PURITY * across;
    }
    int minPanel = (int) Math.ceil(MIN_PANEL * len);
    int minGutter = Math.max(MIN_GUTTER_PX, (int) Math.ceil(MIN_GUTTER * len));
    int panels = 0;
    int i = 0;
    // skip the border: gutters touching the edges are margins, not separators
    while (i < len && gutter[i]) {
      i++;
    }
    int end = len;
    while (end > i && gutter[end - 1]) {
      end--;
    }
    int panelStart = i;
    while (i < end) {
      if (gutter[i]) {
        int g = i;
        while (g < end && gutter[g]) {
          g++;
        }
        if (g - i >= minGutter && i - panelStart >= minPanel) {
          panels++;
          panelStart = g;
        }
        i = g;
      } else {
        i++;
      }
    }
    if (end - panelStart >= minPanel) {
      panels++;
    }
    return Math.max(1, panels);
  }
}
