package it.rivendo.topup.web;

import it.rivendo.identity.ShopUser;
import it.rivendo.shared.Money;
import it.rivendo.topup.TopUpRefusedException;
import it.rivendo.topup.TopUps;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff confirm bank transfers as they arrive, or cancel a top-up that will not be paid. */
@Controller
class StaffTopUpController {

	private final TopUps topUps;

	StaffTopUpController(TopUps topUps) {
		this.topUps = topUps;
	}

	@GetMapping("/admin/top-ups")
	String list(Model model) {
		model.addAttribute("pending", topUps.pending());
		model.addAttribute("recent", topUps.recent());
		model.addAttribute("today", LocalDate.now());
		return "topup/admin-top-ups";
	}

	@PostMapping("/admin/top-ups/{id}/confirm")
	String confirm(@AuthenticationPrincipal ShopUser staff, @PathVariable long id,
			@RequestParam(required = false) String received, @RequestParam(required = false) String receivedOn,
			@RequestParam(required = false) String bankReference, RedirectAttributes redirect) {
		try {
			Money amount = Money.parse(received).orElseThrow(() -> new NumberFormatException(received));
			LocalDate on = LocalDate.parse(receivedOn == null ? "" : receivedOn);
			boolean done = topUps.confirmTransfer(id, amount, on, bankReference, staff);
			redirect.addFlashAttribute(done ? "success" : "error", done ? "topup.confirmed" : "topup.alreadyDone");
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			redirect.addFlashAttribute("error", "topup.error.confirmData");
		}
		catch (TopUpRefusedException ex) {
			redirect.addFlashAttribute("error", ex.messageKey());
		}
		return "redirect:/admin/top-ups";
	}

	@PostMapping("/admin/top-ups/{id}/cancel")
	String cancel(@AuthenticationPrincipal ShopUser staff, @PathVariable long id,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			topUps.cancel(id, reason, staff);
			redirect.addFlashAttribute("success", "topup.cancelled");
		}
		catch (TopUpRefusedException ex) {
			redirect.addFlashAttribute("error", ex.messageKey());
		}
		return "redirect:/admin/top-ups";
	}
}
