package dittospark.job;

import dittospark.engine.RenderResult;
import dittospark.errors.ErrorKind;
import dittospark.udf.ResultRow;
import dittospark.video.SourceKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Opens a report in Debian's headless Chromium and checks what a person would see, not the markup. */
class ReportBrowserTest {
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final Path SAMPLE = Path.of(System.getProperty("samples.dir"), "portrait_clip_3s.mp4");
    private static final Path SCREENSHOT = Path.of("target", "report-screenshot.png");
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07Z");
    private static final String HOSTILE_ID = "<script>alert('id')</script>";
    private static final String HOSTILE_MESSAGE = "bad <img src=x onerror=alert('message')> option";

    @TempDir
    static Path dir;
    private static Path report;
    private static ChromeDriver browser;

    @BeforeAll
    static void openReport() throws Exception {
        // a space in the folder's name makes the relative links prove their escaping
        Path out = Files.createDirectories(dir.resolve("run out"));
        Path elsewhere = Files.createDirectories(dir.resolve("kept"));
        List<ResultRow> rows = rows(out, elsewhere);
        RunSummary summary = new RunSummary("run-2", "file:" + dir.resolve("m.csv"), "file:" + out, "demo", "local[2]",
                2, List.of("1/cpu", "2/cpu"), rows.size(), 3, 3, 1, 175, 12.0,
                Map.of("read manifest", 0.2, "render", 11.0), T0, T0.plusSeconds(12));
        List<RunRecord> runs = List.of(new RunRecord("run-1", T0.minusSeconds(3600), T0.minusSeconds(3500), 7, 2, 5, 0),
                RunRecord.of(summary));
        report = out.resolve(ResultsWriter.REPORT);
        Files.writeString(report, Report.html(summary, rows, runs));

        // Selenium Manager would download a driver; the system's driver and browser are the ones under test
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .build(), options);
        browser.get(report.toUri().toString());
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static List<ResultRow> rows(Path out, Path elsewhere) throws Exception {
        Path face = copySample(out.resolve("face #1.mp4"));
        Path french = copySample(out.resolve("fr/video.mp4"));
        Path fast = copySample(out.resolve("fast.mp4"));
        Path kept = copySample(elsewhere.resolve("kept.mp4"));
        String thumbnail = thumbnail();
        ResultRow.Place one = new ResultRow.Place("demo", "abc", "cpu", "1", 0);
        ResultRow.Place two = new ResultRow.Place("demo", "abc", "cpu", "2", 0);
        List<ResultRow> rows = new ArrayList<>();
        rows.add(succeeded("face #1", face, 75, 3.0, one, 0, thumbnail));
        rows.add(succeeded("french", french, 50, 4.0, two, 0, thumbnail));
        rows.add(succeeded("fast", fast, 50, 1.0, one, 3, thumbnail));
        rows.add(ResultRow.skipped("kept", "file:" + kept, two, T0.plusSeconds(4), T0.plusSeconds(4)));
        rows.add(ResultRow.failed("big", "file:" + out.resolve("big.mp4"), ErrorKind.BAD_OPTION,
                "option 'emo' must be <= 7, got 9", ResultRow.Place.DRIVER, T0, T0));
        rows.add(ResultRow.failed(HOSTILE_ID, "file:" + out.resolve("x.mp4"), ErrorKind.BAD_OPTION, HOSTILE_MESSAGE,
                ResultRow.Place.DRIVER, T0, T0));
        rows.add(ResultRow.failed("mute", "file:" + out.resolve("mute.mp4"), ErrorKind.AUDIO_EMPTY,
                "the audio has no samples", two, T0.plusSeconds(5), T0.plusSeconds(6)));
        return rows;
    }

    private static ResultRow succeeded(String id, Path output, int frames, double seconds, ResultRow.Place place,
                                       int startSecond, String thumbnail) {
        Map<String, Double> stages = Map.of("encode", 0.1 * seconds, "warp", 0.5 * seconds, "audio", 0.05 * seconds,
                "decode", 0.3 * seconds, "motion", 0.05 * seconds);
        RenderResult r = new RenderResult(SourceKind.IMAGE, 64, 64, frames, frames / 25.0, seconds, stages, "cpu", "libx264",
                1000, "ff", Base64.getDecoder().decode(thumbnail));
        Instant start = T0.plusSeconds(startSecond);
        return ResultRow.succeeded(id, "file:" + output, r, place, start, start.plusMillis((long) (seconds * 1000)));
    }

    private static Path copySample(Path to) throws Exception {
        Files.createDirectories(to.getParent());
        return Files.copy(SAMPLE, to, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String thumbnail() throws Exception {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0x3b6fd4), 64, 64, new Color(0xf2c14e)));
        g.fillRect(0, 0, 64, 64);
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", jpeg);
        return Base64.getEncoder().encodeToString(jpeg.toByteArray());
    }

    @Test
    void drawsTheThreeCharts() {
        for (String id : List.of("stage-chart", "timeline", "fps-histogram")) {
            WebElement chart = browser.findElement(By.id(id));
            Rectangle box = chart.getRect();
            assertThat(box.getWidth()).as(id + " width").isPositive();
            assertThat(box.getHeight()).as(id + " height").isPositive();
            List<WebElement> marks = chart.findElements(By.cssSelector("rect"));
            assertThat(marks).as(id + " marks").isNotEmpty();
            assertThat(marks.get(0).getRect().getWidth()).as(id + " first mark's width").isPositive();
        }
    }

    @Test
    void listsStagesInPipelineOrder() {
        List<String> labels = browser.findElements(By.cssSelector("#stage-chart > text[text-anchor='end']")).stream()
                .map(WebElement::getText).toList();

        assertThat(labels).as("stages").containsExactly("audio", "motion", "warp", "decode", "encode");
    }

    @Test
    void drawsOneLanePerExecutor() {
        List<String> lanes = browser.findElements(By.cssSelector("#timeline > text[text-anchor='end']")).stream()
                .map(WebElement::getText).toList();

        assertThat(lanes).as("lanes").containsExactly("1", "2", "driver");
        assertThat(browser.findElements(By.cssSelector("#timeline rect"))).as("one bar per row").hasSize(7);
    }

    @Test
    void everyLinkOpensAFile() {
        URI folder = report.getParent().toUri();
        List<WebElement> anchors = browser.findElements(By.cssSelector("a[href]"));

        assertThat(anchors).as("links").isNotEmpty();
        for (WebElement a : anchors) {
            String href = a.getDomAttribute("href");
            Path target = Path.of(folder.resolve(href));
            assertThat(target).as("target of " + href).isRegularFile();
            assertThat(href).as("relative exactly when inside the report's folder")
                    .matches(target.startsWith(report.getParent()) ? "\\./.*" : "file:///.*");
        }
        assertThat(anchors.stream().map(a -> a.getDomAttribute("href")).distinct())
                .as("every video linked").contains("./face%20%231.mp4", "./fr/video.mp4", "./fast.mp4")
                .anyMatch(href -> href.endsWith("/kept/kept.mp4"));
    }

    @Test
    void thumbnailsOpenTheirVideos() {
        List<WebElement> thumbnails = browser.findElements(By.cssSelector("#contact-sheet img"));

        assertThat(thumbnails).as("thumbnails").hasSize(3);
        for (WebElement img : thumbnails) {
            WebElement link = img.findElement(By.xpath("./parent::a"));
            assertThat(link.getDomAttribute("href")).as("link around " + img.getDomAttribute("alt")).endsWith(".mp4");
            assertThat(img.getDomProperty("naturalWidth")).as("decoded thumbnail").isEqualTo("64");
        }
    }

    @Test
    void groupsFailuresByKind() {
        List<WebElement> kinds = browser.findElements(By.cssSelector("#failures .kind"));

        assertThat(kinds).as("kinds").extracting(k -> k.findElement(By.tagName("h3")).getText())
                .containsExactly("AUDIO_EMPTY · 1 row", "BAD_OPTION · 2 rows");
        assertThat(kinds.get(1).findElements(By.tagName("li"))).as("bad options").extracting(WebElement::getText)
                .containsExactly("big option 'emo' must be <= 7, got 9", HOSTILE_ID + " " + HOSTILE_MESSAGE);
    }

    @Test
    void showsUserStringsAsText() {
        assertThatThrownBy(() -> browser.switchTo().alert()).as("no alert").isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.findElements(By.tagName("script"))).as("script elements").isEmpty();
        assertThat(browser.findElements(By.cssSelector("img[src='x']"))).as("injected images").isEmpty();
        assertThat(browser.findElement(By.tagName("body")).getText()).as("visible text")
                .contains(HOSTILE_ID, HOSTILE_MESSAGE);
    }

    @Test
    void savesAScreenshot() throws Exception {
        Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
        // ChromeDriver captures the window, not the page; the margin covers what the window takes for itself
        browser.manage().window().setSize(new Dimension(1280, height.intValue() + 200));
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, browser.getScreenshotAs(OutputType.BYTES));

        assertThat(SCREENSHOT).as("screenshot").isNotEmptyFile();
    }
}
