package it.rivendo.identity.web;

import it.rivendo.identity.ShopUser;
import jakarta.servlet.http.HttpSession;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

@Controller
class LoginController {

	static final String LAST_EMAIL = "rivendo.login.email";

	/** The demo's logins are listed on the page in the {@code demo} profile only. */
	private final boolean demo;

	LoginController(Environment environment) {
		this.demo = environment.matchesProfiles("demo");
	}

	@GetMapping("/login")
	String login(@AuthenticationPrincipal ShopUser user, @RequestParam(required = false) String error,
			@RequestParam(required = false) String locked, @RequestParam(required = false) String expired,
			HttpSession session, Model model) {
		if (user != null) {
			return "redirect:/";
		}
		model.addAttribute("loginError", error != null);
		model.addAttribute("loginLocked", locked != null);
		model.addAttribute("sessionExpired", expired != null);
		model.addAttribute("demoLogins", demo);
		if (session != null) {
			model.addAttribute("email", session.getAttribute(LAST_EMAIL));
			session.removeAttribute(LAST_EMAIL);
		}
		return "identity/login";
	}

	/** Where a signed-in person lands: resellers in the catalog, staff in the admin pages. */
	@GetMapping("/")
	String home(@AuthenticationPrincipal ShopUser user) {
		return user.isStaff() ? "redirect:/admin" : "redirect:/catalog";
	}

	@RequestMapping("/denied")
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String denied() {
		return "error/403";
	}
}
