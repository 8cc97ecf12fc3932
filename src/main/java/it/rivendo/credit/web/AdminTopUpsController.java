package it.rivendo.credit.web;

import it.rivendo.credit.TopUpView;
import it.rivendo.credit.TopUps;
import it.rivendo.identity.ShopUser;
import it.rivendo.shared.Formats;
import it.rivendo.shared.Refusal;
import it.rivendo.shared.web.OnRefusal;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
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
 * Staff confirm bank transfers as they arrive, or cancel a top-up that will not be paid.
 * A confirmation that is not an amount and a date comes back next to its field, as typed,
 * on the page of that top-up alone.
 */
@Controller
class AdminTopUpsController {

	private final TopUps topUps;

	private final Clock clock;

	AdminTopUpsController(TopUps topUps, Clock clock) {
		this.topUps = topUps;
		this.clock = clock;
	}

	@GetMapping("/admin/top-ups")
	String list(Model model) {
		model.addAttribute("pending", topUps.pending());
		model.addAttribute("recent", topUps.recent());
		model.addAttribute("today", today());
		return "credit/admin-top-ups";
	}

	@GetMapping("/admin/top-ups/{id}/confirm")
	String confirmForm(@PathVariable long id, Model model) {
		TopUpView topUp = topUps.view(id);
		ConfirmTransferForm form = new ConfirmTransferForm();
		form.setReceived(topUp.amount());
		form.setReceivedOn(today());
		model.addAttribute("confirmForm", form);
		return page(topUp, model);
	}

	@PostMapping("/admin/top-ups/{id}/confirm")
	String confirm(@AuthenticationPrincipal ShopUser staff, @PathVariable long id,
			@Valid @ModelAttribute("confirmForm") ConfirmTransferForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (!binding.hasErrors()) {
			try {
				boolean done = topUps.confirmTransfer(id, form.getReceived(), form.getReceivedOn(),
						form.getBankReference(), staff);
				redirect.addFlashAttribute(done ? "success" : "error", done ? "topup.confirmed" : "topup.alreadyDone");
				return "redirect:/admin/top-ups";
			}
			catch (Refusal ex) { // nothing arrived: said next to the amount
				binding.rejectValue("received", ex.messageKey());
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(topUps.view(id), model);
	}

	/** Without a reason, or done already: back to the list, saying why. */
	@PostMapping("/admin/top-ups/{id}/cancel")
	@OnRefusal("/admin/top-ups")
	String cancel(@AuthenticationPrincipal ShopUser staff, @PathVariable long id,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		topUps.cancel(id, reason, staff);
		redirect.addFlashAttribute("success", "topup.cancelled");
		return "redirect:/admin/top-ups";
	}

	private String page(TopUpView topUp, Model model) {
		model.addAttribute("topUp", topUp);
		return "credit/admin-top-up";
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Formats.SHOP_ZONE));
	}

}
