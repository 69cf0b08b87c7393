package org.radmd.index.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.radmd.index.DiseaseVocabulary;
import org.radmd.index.StoredCorpus;
import org.radmd.testing.SharedCorpus;

/**
 * The web page in headless Chromium (Debian {@code chromium} and {@code chromium-driver}, driven by Selenium), as
 * a radiologist uses it: type a disease, apply a modality facet, open a case, scroll a 3D series. Screenshots go to
 * {@code target/screenshots/} as the test's artifact.
 *
 * <p>Skipped, with a message saying why, only when {@value #CHROMIUM} or {@value #CHROMEDRIVER} is missing
 * ({@code apt-get install -y chromium chromium-driver}).
 */
class BrowserSearchTest {
  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir static Path dir;
  static ServerHarness http;
  WebDriver driver;
  WebDriverWait wait;

  @BeforeAll
  static void start() throws IOException {
    Assumptions.assumeTrue(Files.isExecutable(Path.of(CHROMIUM)),
        "browser test skipped: " + CHROMIUM + " is missing (apt-get install -y chromium chromium-driver)");
    Assumptions.assumeTrue(Files.isExecutable(Path.of(CHROMEDRIVER)),
        "browser test skipped: " + CHROMEDRIVER + " is missing (apt-get install -y chromium-driver)");
    StoredCorpus corpus = StoredCorpus.shared();
    http = ServerHarness.start(corpus, corpus.samples(), DiseaseVocabulary.loadDefault(SharedCorpus.root()),
        dir.resolve("index"));
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stop() throws IOException {
    if (http != null) {
      http.close();
    }
  }

  @BeforeEach
  void openBrowser() throws IOException {
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1400,1000", "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, WAIT);
  }

  @AfterEach
  void closeBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void searchFilterOpenACaseAndScrollItsSeries() throws Exception {
    driver.get(http.server().uri().toString());
    WebElement notice = driver.findElement(By.id("notice"));
    assertTrue(notice.isDisplayed());
    assertTrue(notice.getText().contains("Research data, not for clinical use"), notice.getText());

    // Type a disease: the suggestions list fills from /api/suggest, the search lists both medulloblastoma cases.
    WebElement q = driver.findElement(By.id("q"));
    q.sendKeys("medullo");
    wait.until(d -> !d.findElements(By.cssSelector("#suggestions option")).isEmpty());
    assertTrue(values(driver.findElements(By.cssSelector("#suggestions option"))).contains("Medulloblastoma"));
    q.sendKeys(Keys.chord(Keys.CONTROL, "a"), "medulloblastoma", Keys.ENTER);
    wait.until(d -> cardCases(d).containsAll(List.of("MPX2497", "rID-70432")));
    assertTrue(driver.findElement(By.id("summary")).getText().startsWith("2 case(s)"),
        driver.findElement(By.id("summary")).getText());
    WebElement snippet = driver.findElement(By.cssSelector(".card[data-case-id='MPX2497'] .snippet b"));
    assertTrue(snippet.getText().toLowerCase().contains("medulloblastoma"), snippet.getText());
    screenshot("1-search-results");

    // Apply the CT facet: only the Radiopaedia CT study is left.
    WebElement ct = driver.findElement(By.cssSelector(".facet[data-dim='modality'][data-value='CT']"));
    assertEquals("1", ct.findElement(By.className("count")).getText());
    ct.click();
    wait.until(d -> cardSamples(d).equals(List.of("rp3d-70432-0")));
    assertTrue(driver.getCurrentUrl().contains("modality=CT"), driver.getCurrentUrl());
    assertTrue(driver.findElement(By.cssSelector(".facet.active[data-value='CT']")).isDisplayed());
    wait.until(d -> imageLoaded(d, ".card .thumb"));
    screenshot("2-modality-facet");

    // Open the case: one 3D series with a slice scroller starting at the middle slice.
    driver.findElement(By.cssSelector(".card[data-sample-id='rp3d-70432-0']")).click();
    WebElement range = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input.slice-scroller")));
    WebElement slice = driver.findElement(By.cssSelector("img.slice"));
    wait.until(d -> imageLoaded(d, "img.slice"));
    String before = slice.getAttribute("src");
    assertTrue(before.endsWith("/api/volume/rp3d-70432-0/0/slice/16.png"), before);
    assertEquals("31", range.getAttribute("max"));
    byte[] beforePng = http.get(path(before)).body();
    screenshot("3-case-view");

    // Scroll the series: the slice URL and the pixels change.
    range.sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
    wait.until(d -> !before.equals(d.findElement(By.cssSelector("img.slice")).getAttribute("src")));
    String after = driver.findElement(By.cssSelector("img.slice")).getAttribute("src");
    assertTrue(after.endsWith("/api/volume/rp3d-70432-0/0/slice/21.png"), after);
    assertEquals("22 / 32", driver.findElement(By.className("slice-label")).getText());
    wait.until(d -> imageLoaded(d, "img.slice"));
    byte[] afterPng = http.get(path(after)).body();
    assertFalse(Arrays.equals(beforePng, afterPng), "slices 16 and 21 differ");
    assertNotEquals(0, afterPng.length);
    screenshot("4-scrolled-series");

    // Back to the filtered results.
    driver.findElement(By.id("back")).click();
    wait.until(d -> cardSamples(d).equals(List.of("rp3d-70432-0")));
  }

  @Test
  void aMedPixCaseShowsAllItsImagesAndTheNotice() throws Exception {
    driver.get(http.server().uri() + "#case=mpx-MPX2497");
    wait.until(d -> d.findElements(By.cssSelector("#case .images figure")).size() == 5);
    wait.until(d -> imageLoaded(d, "#case .images img"));
    assertTrue(driver.findElement(By.cssSelector("#case h2")).getText().contains("Medulloblastoma"));
    assertTrue(driver.findElement(By.cssSelector("#case .licence")).getText()
        .contains("Research data, not for clinical use"));
    assertTrue(driver.findElement(By.id("notice")).isDisplayed());
    screenshot("5-medpix-case");
  }

  private static String path(String url) {
    return url.substring(url.indexOf("/api/"));
  }

  private static List<String> values(List<WebElement> options) {
    return options.stream().map(o -> o.getAttribute("value")).toList();
  }

  private static List<String> cardCases(WebDriver d) {
    return cardAttribute(d, "data-case-id");
  }

  private static List<String> cardSamples(WebDriver d) {
    return cardAttribute(d, "data-sample-id");
  }

  /** An attribute of every result card, read in one script so that a re-render cannot leave stale elements. */
  @SuppressWarnings("unchecked")
  private static List<String> cardAttribute(WebDriver d, String attribute) {
    return (List<String>) ((JavascriptExecutor) d).executeScript(
        "return [...document.querySelectorAll('#results .card')].map(c => c.getAttribute(arguments[0]));",
        attribute);
  }

  /** True when every image matching the selector has finished loading with a non-zero size. */
  private static boolean imageLoaded(WebDriver d, String selector) {
    Object ok = ((JavascriptExecutor) d).executeScript(
        "const imgs = [...document.querySelectorAll(arguments[0])];"
            + "return imgs.length > 0 && imgs.every(i => i.complete && i.naturalWidth > 0);", selector);
    return Boolean.TRUE.equals(ok);
  }

  private void screenshot(String name) throws IOException {
    Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

}
