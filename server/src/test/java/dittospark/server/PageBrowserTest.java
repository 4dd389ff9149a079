package dittospark.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page in Debian's headless Chromium: the idle loop plays, a typed line comes back as a reply
 * video that plays on top of it, and the idle loop returns once the reply has ended.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageBrowserTest {
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final Path SCREENSHOT = Path.of("target", "page-screenshot.png");
    private static final Duration LIMIT = Duration.ofSeconds(120);

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

    @Test
    void aTypedLineIsPlayedAsAReplyAndTheIdleLoopReturns() throws Exception {
        Map<String, Object> idle = playing("idle", 0);
        browser.findElement(By.id("line")).sendKeys("Hello, I am the avatar of this server, and I am speaking.");
        browser.findElement(By.cssSelector("#say button")).click();

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
        assertThat(browser.findElement(By.cssSelector("#replies li")).getDomAttribute("data-status")).as("reply's status")
                .isEqualTo("SUCCEEDED");
        assertThat(SCREENSHOT).as("screenshot").isNotEmptyFile();
    }
}
