package it.rivendo.onboarding.web;

import it.rivendo.onboarding.Applications;
import it.rivendo.shared.Throttle;
import it.rivendo.shared.web.TooManyRequests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public application form; staff decide applications in
 * {@link AdminApplicationsController}.
 */
@Controller
class OnboardingController {

	/** Applications from one address in an hour. */
	static final Throttle.Limit APPLICATIONS_PER_ADDRESS = new Throttle.Limit("apply-sender", 5, Duration.ofHours(1));

	private final Applications applications;

	private final Throttle throttle;

	private final Clock clock;

	OnboardingController(Applications applications, Throttle throttle, Clock clock) {
		this.applications = applications;
		this.throttle = throttle;
		this.clock = clock;
	}

	@GetMapping("/become-reseller")
	String form(Model model) {
		model.addAttribute("applicationForm", new ApplicationForm());
		return "onboarding/apply";
	}

	/**
	 * The same answer whatever the address (an account or an application may exist for it
	 * already: the owner is told by e-mail instead), so the form tells nobody which
	 * addresses are customers. Limited per client address.
	 */
	@PostMapping("/become-reseller")
	String apply(@Valid @ModelAttribute("applicationForm") ApplicationForm form, BindingResult binding,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "onboarding/apply";
		}
		Optional<Instant> tooMany = throttle.take(APPLICATIONS_PER_ADDRESS, request.getRemoteAddr());
		if (tooMany.isPresent()) {
			TooManyRequests.answer(response, model, clock, tooMany.get());
			return "onboarding/apply";
		}
		applications.apply(form.toBillingAddress(), form.getContactName(), form.getEmail(), form.getPhone());
		redirect.addFlashAttribute("success", "apply.done");
		return "redirect:/become-reseller/thanks";
	}

	@GetMapping("/become-reseller/thanks")
	String thanks() {
		return "onboarding/thanks";
	}

}
