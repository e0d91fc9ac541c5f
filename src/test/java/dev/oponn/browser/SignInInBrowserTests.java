package dev.oponn.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oponn.support.BrowserTest;
import dev.oponn.support.Device;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Sign-in, ownership and an ended session as a person meets them in a real browser with htmx. */
class SignInInBrowserTests extends BrowserTest {

    @Test
    void signedInPersonCreatesABallotFindsItOnTheDashboardAndSignsOut() {
        signInAs("browser person");
        createBallot("Where to meet?");
        assertThat(browser.findElements(By.cssSelector("[data-notice=manage_link]")))
                .as("an owner by account needs no manage link")
                .isEmpty();

        browser.get(url("/"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("> my_ballots");
        assertThat(browser.findElement(By.cssSelector(".ballot-list .measure")).getText())
                .isEqualTo("Where to meet?");

        browser.findElement(By.cssSelector("header form[action='/auth/logout'] button"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("header a[href='/login']")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("> welcome");
        assertThat(chrome.consoleErrors()).isEmpty();
    }

    @Test
    void guestCreatorIsShownTheManageLinkOnceAfterTheHtmxRedirect() {
        browser.get(url("/"));
        createBallot("Guest asks");
        String link = browser.findElement(By.cssSelector("[data-notice=manage_link] a"))
                .getAttribute("href");
        assertThat(link).contains("/manage/");

        browser.navigate().refresh();
        assertThat(browser.findElements(By.cssSelector("[data-notice]"))).isEmpty();

        browser.get(link);
        assertThat(browser.findElement(By.cssSelector("[data-owner]")).getText())
                .isEqualTo("owner: holder of this manage link");
        assertThat(chrome.consoleErrors()).isEmpty();
    }

    @Test
    void anHtmxSubmitAfterTheSessionEndedLoadsTheSignInPageWhole() {
        signInAs("short session");
        browser.get(url("/create"));
        endSessionElsewhere(browser.manage().getCookieNamed("oponn_session").getValue());

        browser.findElement(By.name("measure")).sendKeys("Too late?");
        browser.findElement(By.name("options_raw")).sendKeys("yes, no");
        browser.findElement(By.cssSelector("#create-form button[type=submit]")).click();

        wait.until(ExpectedConditions.urlContains("/login?expired"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("> sign_in");
        assertThat(browser.findElements(By.cssSelector("#create-form")))
                .as("nothing was swapped into the form")
                .isEmpty();
        assertThat(browser.findElement(By.cssSelector("[data-login-message]")).getText())
                .contains("session has ended");
    }

    private void signInAs(String name) {
        browser.get(url("/login"));
        browser.findElement(By.cssSelector("#mock-sign-in input[name=name]")).sendKeys(name);
        browser.findElement(By.cssSelector("#mock-sign-in button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "> my_ballots"));
    }

    private void createBallot(String measure) {
        browser.get(url("/create"));
        browser.findElement(By.name("measure")).sendKeys(measure);
        browser.findElement(By.name("options_raw")).sendKeys("here, there");
        browser.findElement(By.cssSelector("#create-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/vote/[A-Za-z0-9_-]{22}$"));
    }

    /** Signs the session out from another client, as another tab or an expiry would end it. */
    private void endSessionElsewhere(String sessionCookie) {
        Device other = new Device(port);
        other.setCookie("oponn_session", sessionCookie);
        assertThat(other.post("/auth/logout").status()).isEqualTo(303);
    }
}
