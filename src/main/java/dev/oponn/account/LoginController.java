package dev.oponn.account;

import dev.oponn.account.internal.LoginView;
import dev.oponn.web.Htmx;
import dev.oponn.web.Text;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

@Controller
class LoginController {

    private final SignInProviders providers;
    private final AccountProperties properties;

    LoginController(SignInProviders providers, AccountProperties properties) {
        this.providers = providers;
        this.properties = properties;
    }

    @GetMapping("/login")
    ModelAndView login(
            @RequestParam(required = false) @Nullable String error,
            @RequestParam(required = false) @Nullable String expired) {
        Text message = error != null ? Text.of("login.failed") : expired != null ? Text.of("login.expired") : null;
        return page(message, "", null);
    }

    /** A button, not an action: sign-out is {@code POST /auth/logout}, so a GET here cannot sign anyone out. */
    @GetMapping("/auth/logout")
    ModelAndView logoutPage(HttpServletRequest request, @Nullable Principal principal) {
        if (principal == null) {
            return Htmx.redirect(request, "/");
        }
        return new ModelAndView("account/logout");
    }

    ModelAndView page(@Nullable Text message, String name, @Nullable Text nameError) {
        LoginView view = new LoginView(
                providers.offers("google"),
                providers.offers("github"),
                properties.mockSignIn(),
                message,
                name,
                nameError);
        return new ModelAndView("account/login", Map.of("login", view));
    }
}
