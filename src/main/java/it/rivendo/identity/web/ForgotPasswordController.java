package it.rivendo.identity.web;

import it.rivendo.identity.PasswordReset;
import it.rivendo.shared.web.TooManyRequests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "Password dimenticata?": the same answer whatever the address typed; the link, if the
 * address is an account's, arrives by e-mail ({@link PasswordReset}) and opens the
 * set-password page.
 */
@Controller
class ForgotPasswordController {

	private final PasswordReset resets;

	private final Clock clock;

	ForgotPasswordController(PasswordReset resets, Clock clock) {
		this.resets = resets;
		this.clock = clock;
	}

	@GetMapping("/forgot-password")
	String form(Model model) {
		model.addAttribute("forgotPasswordForm", new ForgotPasswordForm());
		return "identity/forgot-password";
	}

	@PostMapping("/forgot-password")
	String request(@Valid @ModelAttribute("forgotPasswordForm") ForgotPasswordForm form, BindingResult binding,
			HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "identity/forgot-password";
		}
		Optional<Instant> tooMany = resets.request(form.getEmail(), request.getRemoteAddr(), locale);
		if (tooMany.isPresent()) {
			TooManyRequests.answer(response, model, clock, tooMany.get());
			return "identity/forgot-password";
		}
		return "redirect:/forgot-password/sent";
	}

	@GetMapping("/forgot-password/sent")
	String sent() {
		return "identity/forgot-password-sent";
	}

}
