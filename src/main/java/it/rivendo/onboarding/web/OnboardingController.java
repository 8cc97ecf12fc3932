package it.rivendo.onboarding.web;

import it.rivendo.catalog.TierRules;
import it.rivendo.identity.ShopUser;
import it.rivendo.onboarding.ApplicationRefusedException;
import it.rivendo.onboarding.Applications;
import it.rivendo.shared.Money;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
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

	private final Applications applications;
	private final TierRules tiers;

	OnboardingController(Applications applications, TierRules tiers) {
		this.applications = applications;
		this.tiers = tiers;
	}

	@GetMapping("/become-reseller")
	String form(Model model) {
		model.addAttribute("applicationForm", new ApplicationForm());
		return "onboarding/apply";
	}

	@PostMapping("/become-reseller")
	String apply(@Valid @ModelAttribute("applicationForm") ApplicationForm form, BindingResult binding,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (!binding.hasErrors()) {
			try {
				applications.apply(form.toBillingAddress(), form.getContactName(), form.getEmail(), form.getPhone());
				redirect.addFlashAttribute("success", "apply.done");
				return "redirect:/become-reseller/thanks";
			}
			catch (ApplicationRefusedException ex) {
				binding.rejectValue("email", ex.messageKey(), ex.messageKey());
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return "onboarding/apply";
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
