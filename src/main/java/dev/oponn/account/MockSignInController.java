package dev.oponn.account;

import dev.oponn.web.Htmx;
import dev.oponn.web.Text;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.text.Normalizer;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Development sign-in without a provider: pick a name, get a session. The same name is the same account (provider
 * {@code mock}), so two names make two users for trying ownership by hand. Off unless
 * {@code OPONN_AUTH_MOCK_SIGN_IN} is on or the environment is {@code development}; when off the route is 404.
 */
@Controller
class MockSignInController {

    private final AccountProperties properties;
    private final Accounts accounts;
    private final SignedInSessions sessions;
    private final LoginController login;
    private final ReturnAfterSignIn returnTo;

    MockSignInController(
            AccountProperties properties,
            Accounts accounts,
            SignedInSessions sessions,
            LoginController login,
            ReturnAfterSignIn returnTo) {
        this.properties = properties;
        this.accounts = accounts;
        this.sessions = sessions;
        this.login = login;
        this.returnTo = returnTo;
    }

    @PostMapping("/auth/mock-sign-in")
    ModelAndView signIn(
            @RequestParam(defaultValue = "") String name, HttpServletRequest request, HttpServletResponse response) {
        if (!properties.mockSignIn()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        String chosen = Normalizer.normalize(name.strip(), Normalizer.Form.NFC);
        Text problem = problem(chosen);
        if (problem != null) {
            return login.page(null, name, problem);
        }
        ProviderIdentity identity = new ProviderIdentity("mock", chosen.toLowerCase(Locale.ROOT), null, false, chosen);
        sessions.start(accounts.signIn(identity), request, response, true);
        return Htmx.redirect(request, returnTo.destination(request, response));
    }

    private static @Nullable Text problem(String name) {
        int length = name.codePointCount(0, name.length());
        if (length == 0) {
            return Text.of("login.name_required");
        }
        if (length > ProviderIdentities.NAME_MAX) {
            return Text.of("login.name_too_long", String.valueOf(ProviderIdentities.NAME_MAX));
        }
        return null;
    }
}
