package it.rivendo.catalog.web;

import it.rivendo.catalog.TierRules;
import it.rivendo.identity.ShopUser;
import jakarta.validation.Valid;
import java.util.Objects;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The top-up over 12 months that reaches each tier. Every tier has a form of its own on
 * one page: a threshold that is not an amount goes back to that page with the message at
 * the top and next to the tier's field, with what was typed in it.
 */
@Controller
class AdminTierRulesController {

	private final TierRules tiers;

	AdminTierRulesController(TierRules tiers) {
		this.tiers = tiers;
	}

	@GetMapping("/admin/tier-rules")
	String tierRules(Model model) {
		model.addAttribute("tiers", tiers.tiers());
		return "catalog/admin-tier-rules";
	}

	@PostMapping("/admin/tier-rules/{code}")
	String threshold(@AuthenticationPrincipal ShopUser staff, @PathVariable String code,
			@Valid @ModelAttribute ThresholdForm form, BindingResult binding, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			redirect.addFlashAttribute("error", "admin.tiers.invalid");
			redirect.addFlashAttribute("invalidTier", code);
			redirect.addFlashAttribute("typedMinTopUp", Objects.toString(binding.getFieldValue("minTopUp"), ""));
			return "redirect:/admin/tier-rules";
		}
		tiers.setThreshold(code, form.getMinTopUp(), staff.email());
		tiers.recomputeAll();
		redirect.addFlashAttribute("success", "admin.tiers.saved");
		return "redirect:/admin/tier-rules";
	}

}
