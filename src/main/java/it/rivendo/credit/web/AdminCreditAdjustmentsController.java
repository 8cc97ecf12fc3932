package it.rivendo.credit.web;

import it.rivendo.credit.CreditAdjustments;
import it.rivendo.credit.CreditLedger;
import it.rivendo.identity.ResellerAccounts;
import it.rivendo.identity.ResellerProfile;
import it.rivendo.identity.ShopUser;
import it.rivendo.shared.NotFoundException;
import it.rivendo.shared.Refusal;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff correct a reseller's credit, from the reseller's page. What is wrong (not an
 * amount, zero, more than the balance takes away, no reason) comes back next to its
 * field, as typed, on a page of the correction alone.
 */
@Controller
class AdminCreditAdjustmentsController {

	private final CreditAdjustments adjustments;

	private final CreditLedger ledger;

	private final ResellerAccounts accounts;

	AdminCreditAdjustmentsController(CreditAdjustments adjustments, CreditLedger ledger, ResellerAccounts accounts) {
		this.adjustments = adjustments;
		this.ledger = ledger;
		this.accounts = accounts;
	}

	@GetMapping("/admin/resellers/{id}/adjust")
	String form(@PathVariable long id, Model model) {
		model.addAttribute("adjustmentForm", new AdjustmentForm());
		return page(id, model);
	}

	@PostMapping("/admin/resellers/{id}/adjust")
	String adjust(@AuthenticationPrincipal ShopUser staff, @PathVariable long id,
			@Valid @ModelAttribute("adjustmentForm") AdjustmentForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (!binding.hasErrors()) {
			requireReseller(id);
			try {
				adjustments.adjust(id, form.getAmount(), form.getReason(), staff);
				redirect.addFlashAttribute("success", "admin.reseller.adjusted");
				return "redirect:/admin/resellers/" + id;
			}
			catch (Refusal ex) { // a missing reason, or more taken away than the credit
				binding.rejectValue("amount", ex.messageKey(), ex.arguments(), null);
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(id, model);
	}

	private String page(long id, Model model) {
		model.addAttribute("reseller", requireReseller(id));
		model.addAttribute("balance", ledger.balanceOf(id));
		return "credit/admin-adjustment";
	}

	private ResellerProfile requireReseller(long id) {
		return accounts.profile(id).orElseThrow(() -> new NotFoundException("reseller " + id));
	}

}
