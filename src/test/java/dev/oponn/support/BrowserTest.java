package dev.oponn.support;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The whole application and, for each test, a fresh headless Chromium (one device) that is closed after it. */
@OponnTest
public abstract class BrowserTest {

    @LocalServerPort
    protected int port;

    protected Chrome chrome;
    protected WebDriver browser;
    protected WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        chrome = new Chrome();
        browser = chrome.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        chrome.close();
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
