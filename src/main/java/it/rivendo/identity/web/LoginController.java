package it.rivendo.identity.web;

import it.rivendo.identity.LoginThrottle;
import it.rivendo.identity.ShopUser;
import it.rivendo.shared.web.RenderedFragments;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The login form; it starts no session (the CSRF token and the e-mail typed last are
 * cookies).
 */
@Controller
class LoginController {

	private final LoginThrottle throttle;

	private final Clock clock;

	/** The demo's logins are listed on the page in the {@code demo} profile only. */
	private final boolean demo;

	private final RenderedFragments pages;

	LoginController(LoginThrottle throttle, Clock clock, Environment environment, RenderedFragments pages) {
		this.pages = pages;
		this.throttle = throttle;
		this.clock = clock;
		this.demo = environment.matchesProfiles("demo");
	}

	@GetMapping("/login")
	String login(@AuthenticationPrincipal ShopUser user, @RequestParam(required = false) String error,
			@RequestParam(required = false) String locked, @RequestParam(required = false) String expired,
			@RequestParam(required = false) String disabled, HttpServletRequest request, HttpServletResponse response,
			Model model) throws IOException {
		if (user != null) {
			return "redirect:/";
		}
		String email = LoginEmail.take(request, response);
		model.addAttribute("email", email);
		model.addAttribute("loginError", error != null);
		model.addAttribute("loginLocked", locked != null);
		model.addAttribute("sessionExpired", expired != null);
		model.addAttribute("accountDisabled", disabled != null);
		if (locked != null && email != null) {
			throttle.lock(email, request.getRemoteAddr()).ifPresent(lock -> {
				model.addAttribute("lock", lock);
				// whole minutes, rounded up: "in 1 minute" until the very end
				long seconds = Duration.between(clock.instant(), lock.until()).toSeconds();
				model.addAttribute("lockMinutes", Math.max(1, (seconds + 59) / 60));
			});
		}
		model.addAttribute("demoLogins", demo);
		if (email == null && error == null && locked == null && expired == null && disabled == null && plain(request)) {
			// the page as most see it (no message, no e-mail to fill in): rendered once
			// per
			// language and kept, with this request's CSRF token put in (issue 22)
			String html = pages.page("identity/login", new PlainLogin(demo), model.asMap());
			response.setContentType("text/html;charset=UTF-8");
			response.setLocale(RequestContextUtils.getLocale(request));
			response.getWriter().write(html);
			return null;
		}
		return "identity/login";
	}

	/**
	 * A request for the login page with no parameter but the language and no message
	 * carried from the page before (a flash attribute, such as "Password salvata").
	 */
	private static boolean plain(HttpServletRequest request) {
		Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
		return (flash == null || flash.isEmpty())
				&& request.getParameterMap().keySet().stream().allMatch("lang"::equals);
	}

	/** What the plain login page shows besides its language. */
	private record PlainLogin(boolean demoLogins) {
	}

	@RequestMapping("/denied")
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String denied() {
		return "error/403";
	}

}
