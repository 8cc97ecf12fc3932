package it.rivendo.identity.web;

import it.rivendo.identity.LoginThrottle;
import it.rivendo.identity.ShopUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

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

	LoginController(LoginThrottle throttle, Clock clock, Environment environment) {
		this.throttle = throttle;
		this.clock = clock;
		this.demo = environment.matchesProfiles("demo");
	}

	@GetMapping("/login")
	String login(@AuthenticationPrincipal ShopUser user, @RequestParam(required = false) String error,
			@RequestParam(required = false) String locked, @RequestParam(required = false) String expired,
			@RequestParam(required = false) String disabled, HttpServletRequest request, HttpServletResponse response,
			Model model) {
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
		return "identity/login";
	}

	@RequestMapping("/denied")
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String denied() {
		return "error/403";
	}

}
