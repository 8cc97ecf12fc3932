package it.rivendo.onboarding.web;

import it.rivendo.catalog.TierRules;
import it.rivendo.identity.ShopUser;
import it.rivendo.onboarding.Applications;
import it.rivendo.shared.Formats;
import it.rivendo.shared.web.OnRefusal;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Map;
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

/**
 * Staff decide applications: approve one in a discount tier, with an optional opening
 * credit, or reject it with a reason. What is wrong in a form comes back next to its
 * field; an application decided already comes back as a message on its page.
 */
@Controller
class AdminApplicationsController {

	private final Applications applications;

	private final TierRules tiers;

	private final Formats formats;

	AdminApplicationsController(Applications applications, TierRules tiers, Formats formats) {
		this.applications = applications;
		this.tiers = tiers;
		this.formats = formats;
	}

	@GetMapping("/admin/applications")
	String list(@RequestParam(defaultValue = "true") boolean pending, Model model) {
		model.addAttribute("applications", applications.list(pending));
		model.addAttribute("pendingOnly", pending);
		return "onboarding/admin-applications";
	}

	@GetMapping("/admin/applications/{id}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("approveForm", new ApproveForm());
		model.addAttribute("rejectForm", new RejectForm());
		return page(id, model);
	}

	@PostMapping("/admin/applications/{id}/approve")
	@OnRefusal("/admin/applications/{id}")
	String approve(@AuthenticationPrincipal ShopUser staff, @PathVariable long id,
			@Valid @ModelAttribute("approveForm") ApproveForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (!binding.hasFieldErrors("openingCredit") && form.credit().isNegative()) {
			binding.rejectValue("openingCredit", "apply.error.credit");
		}
		if (binding.hasErrors()) {
			model.addAttribute("rejectForm", new RejectForm());
			return invalid(id, model, response);
		}
		applications.approve(id, form.getTier(), form.credit(), staff);
		redirect.addFlashAttribute("success", "apply.approved");
		return "redirect:/admin/applications/" + id;
	}

	@PostMapping("/admin/applications/{id}/reject")
	@OnRefusal("/admin/applications/{id}")
	String reject(@AuthenticationPrincipal ShopUser staff, @PathVariable long id,
			@Valid @ModelAttribute("rejectForm") RejectForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			model.addAttribute("approveForm", new ApproveForm());
			return invalid(id, model, response);
		}
		applications.reject(id, form.getReason(), staff);
		redirect.addFlashAttribute("success", "apply.rejected");
		return "redirect:/admin/applications/" + id;
	}

	private String invalid(long id, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(id, model);
	}

	private String page(long id, Model model) {
		model.addAttribute("submission", applications.view(id));
		// the tier select's options: code → name and percentage, in the reader's language
		Map<String, String> tierChoices = new LinkedHashMap<>();
		tiers.tiers()
			.forEach(tier -> tierChoices.put(tier.code(), tier.name() + " (" + formats.percent(tier.percent()) + ")"));
		model.addAttribute("tierChoices", tierChoices);
		return "onboarding/admin-application";
	}

}
