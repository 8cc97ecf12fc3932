package it.rivendo.onboarding.web;

import it.rivendo.catalog.TierRules;
import it.rivendo.identity.ShopUser;
import it.rivendo.onboarding.ApplicationRefusedException;
import it.rivendo.onboarding.Applications;
import it.rivendo.shared.Money;
import it.rivendo.shared.Throttle;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public application form, and the staff pages that decide applications. */
@Controller
class OnboardingController {

	/** Applications from one address in an hour. */
	static final Throttle.Limit APPLICATIONS_PER_ADDRESS = new Throttle.Limit("apply-sender", 5, Duration.ofHours(1));

	private final Applications applications;
	private final TierRules tiers;
	private final Throttle throttle;
	private final Clock clock;

	OnboardingController(Applications applications, TierRules tiers, Throttle throttle, Clock clock) {
		this.applications = applications;
		this.tiers = tiers;
		this.throttle = throttle;
		this.clock = clock;
	}

	@GetMapping("/become-reseller")
	String form(Model model) {
		model.addAttribute("applicationForm", new ApplicationForm());
		return "onboarding/apply";
	}

	/**
	 * The same answer whatever the address (an account or an application may exist for it already: the owner is
	 * told by e-mail instead), so the form tells nobody which addresses are customers. Limited per client address.
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
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER,
					Long.toString(Math.max(1, Duration.between(clock.instant(), tooMany.get()).toSeconds())));
			model.addAttribute("tooManyUntil", tooMany.get());
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

	@GetMapping("/admin/applications")
	String list(@RequestParam(defaultValue = "true") boolean pending, Model model) {
		model.addAttribute("applications", applications.list(pending));
		model.addAttribute("pendingOnly", pending);
		return "onboarding/admin-applications";
	}

	@GetMapping("/admin/applications/{id}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("submission", applications.view(id));
		model.addAttribute("tiers", tiers.tiers());
		return "onboarding/admin-application";
	}

	@PostMapping("/admin/applications/{id}/approve")
	String approve(@AuthenticationPrincipal ShopUser staff, @PathVariable long id, @RequestParam String tier,
			@RequestParam(required = false) String openingCredit, RedirectAttributes redirect) {
		try {
			Money credit = openingCredit == null || openingCredit.isBlank() ? Money.ZERO
					: Money.parse(openingCredit)
						.filter(amount -> !amount.isNegative())
						.orElseThrow(() -> new ApplicationRefusedException("apply.error.credit"));
			applications.approve(id, tier, credit, staff);
			redirect.addFlashAttribute("success", "apply.approved");
		}
		catch (ApplicationRefusedException ex) {
			redirect.addFlashAttribute("error", ex.messageKey());
		}
		return "redirect:/admin/applications/" + id;
	}

	@PostMapping("/admin/applications/{id}/reject")
	String reject(@AuthenticationPrincipal ShopUser staff, @PathVariable long id,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			applications.reject(id, reason, staff);
			redirect.addFlashAttribute("success", "apply.rejected");
		}
		catch (ApplicationRefusedException ex) {
			redirect.addFlashAttribute("error", ex.messageKey());
		}
		return "redirect:/admin/applications/" + id;
	}
}
