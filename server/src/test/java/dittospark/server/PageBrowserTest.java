package dittospark.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The page in Debian's headless Chromium: the idle loop plays, a typed line comes back as a reply
 * video that plays on top of it, starting from its live segments while it still renders, and the idle
 * loop returns once the reply has ended.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageBrowserTest {
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final Path SCREENSHOT = Path.of("target", "page-screenshot.png");
    private static final Duration LIMIT = Duration.ofSeconds(120);
    /** H.264 High profile and AAC-LC, what the engine's live segments carry. */
    private static final String LIVE_TYPE = "video/mp4; codecs=\"avc1.640028, mp4a.40.2\"";

    private AvatarServer server;
    private ChromeDriver browser;

    @BeforeAll
    void open(@TempDir Path work) throws Exception {
        server = TestServer.in(work).start();
        // Selenium Manager would download a driver; the system's driver and browser are the ones under test
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--window-size=800,900", "--autoplay-policy=no-user-gesture-required", "--mute-audio");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .build(), options);
        browser.get(server.uri() + "/");
    }

    @AfterAll
    void close() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    /** The layer on show and what it plays: id, currentTime, videoWidth, paused. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> shown() {
        return (Map<String, Object>) browser.executeScript("const v = document.querySelector('.layer.shown');"
                + " return {id: v.id, time: v.currentTime, width: v.videoWidth, paused: v.paused,"
                + " state: document.body.dataset.state};");
    }

    private double time(Map<String, Object> layer) {
        return ((Number) layer.get("time")).doubleValue();
    }

    /** Waits until the layer on show is {@code id} and its time has moved past {@code after}. */
    private Map<String, Object> playing(String idPattern, double after) {
        return new WebDriverWait(browser, LIMIT, Duration.ofMillis(20)).until(d -> {
            Map<String, Object> layer = shown();
            return ((String) layer.get("id")).matches(idPattern) && time(layer) > after ? layer : null;
        });
    }

    private void say(String line) {
        browser.findElement(By.id("line")).sendKeys(line);
        browser.findElement(By.cssSelector("#say button")).click();
    }

    /** The last reply asked, once {@code attribute} is set on its list item. */
    private WebElement lastReplyWith(String attribute) {
        return new WebDriverWait(browser, LIMIT, Duration.ofMillis(20)).until(d -> {
            List<WebElement> items = d.findElements(By.cssSelector("#replies li"));
            WebElement last = items.isEmpty() ? null : items.get(items.size() - 1);
            return last != null && last.getDomAttribute(attribute) != null ? last : null;
        });
    }

    @Test
    void aTypedLineIsPlayedAsAReplyAndTheIdleLoopReturns() throws Exception {
        Map<String, Object> idle = playing("idle", 0);
        say("Hello, I am the avatar of this server, and I am speaking.");

        Map<String, Object> reply = playing("reply-[ab]", 0);
        Map<String, Object> later = playing((String) reply.get("id"), time(reply));
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, browser.getScreenshotAs(OutputType.BYTES));
        Map<String, Object> back = playing("idle", 0);
        double backAt = time(back);
        Map<String, Object> idleAgain = playing("idle", backAt);

        assertThat(((Number) idle.get("width")).intValue()).as("idle loop's width").isPositive();
        assertThat(((Number) reply.get("width")).intValue()).as("reply's width").isPositive();
        assertThat(time(later)).as("reply's time, advancing").isGreaterThan(time(reply));
        assertThat(reply.get("state")).as("page state during the reply").isEqualTo("reply");
        assertThat(time(idleAgain)).as("idle loop's time after the reply, advancing").isGreaterThan(backAt);
        assertThat(idleAgain.get("state")).as("page state after the reply").isEqualTo("idle");
        assertThat(lastReplyWith("data-status").getDomAttribute("data-status")).as("reply's status")
                .isEqualTo("SUCCEEDED");
        assertThat(SCREENSHOT).as("screenshot").isNotEmptyFile();
    }

    @Test
    void aReplyStartsPlayingFromItsLiveSegmentsBeforeItsVideoIsReady() {
        boolean supported = (Boolean) browser.executeScript("return window.MediaSource !== undefined"
                + " && MediaSource.isTypeSupported(arguments[0]);", LIVE_TYPE);
        System.out.println("PageBrowserTest: MediaSource.isTypeSupported(" + LIVE_TYPE + ") = " + supported);
        assumeTrue(supported, "this Chromium cannot play H.264/AAC through Media Source Extensions");
        playing("idle", 0);
        say("This reply is long enough to be played while the server still renders the end of it.");

        WebElement reply = lastReplyWith("data-played-at");
        String via = reply.getDomAttribute("data-via");
        double playedAt = Double.parseDouble(reply.getDomAttribute("data-played-at"));
        double readyAt = Double.parseDouble(lastReplyWith("data-ready-at").getDomAttribute("data-ready-at"));
        playing("idle", 0);

        assertThat(via).as("what the reply started from").isEqualTo("segments");
        assertThat(playedAt).as("when the reply started playing (ms), against when its video_ready came")
                .isLessThan(readyAt);
        assertThat(reply.getDomAttribute("data-type")).as("the type its source buffer took")
                .startsWith("video/mp4; codecs=\"avc1.").endsWith(", mp4a.40.2\"");
    }
}
