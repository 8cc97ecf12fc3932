package it.rivendo.identity.web;

import it.rivendo.identity.PasswordPolicy;
import it.rivendo.identity.PasswordSetup;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Choosing a password from a single-use link. Opening the link changes nothing; the POST
 * uses it up.
 */
@Controller
class PasswordController {

	private final PasswordSetup passwords;

	PasswordController(PasswordSetup passwords) {
		this.passwords = passwords;
	}

	@GetMapping("/set-password/{token}")
	String form(@PathVariable String token, Model model, HttpServletResponse response) {
		Optional<String> email = passwords.accountFor(token);
		if (email.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "identity/password-link-invalid";
		}
		return page(token, email.get(), model);
	}

	@PostMapping("/set-password/{token}")
	String choose(@PathVariable String token, @RequestParam(required = false) String password,
			@RequestParam(required = false) String confirmation, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Optional<String> email = passwords.accountFor(token);
		if (email.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "identity/password-link-invalid";
		}
		Optional<String> problem = password != null && password.equals(confirmation) ? passwords.choose(token, password)
				: Optional.of("password.mismatch");
		if (problem.isPresent()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("problem", problem.get());
			return page(token, email.get(), model);
		}
		redirect.addFlashAttribute("success", "password.set");
		return "redirect:/login";
	}

	private String page(String token, String email, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("email", email);
		model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
		return "identity/set-password";
	}

}
