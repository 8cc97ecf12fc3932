package it.rivendo.services.web;

import it.rivendo.identity.ShopUser;
import it.rivendo.services.ReminderSettings;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Promemoria", a tab of the customer area: when the shop reminds the reseller of
 * expiring services, and whether its end customers are told too.
 */
@Controller
class ReminderSettingsController {

	private final ReminderSettings settings;

	ReminderSettingsController(ReminderSettings settings) {
		this.settings = settings;
	}

	@GetMapping("/account/services/reminders")
	String page(@AuthenticationPrincipal ShopUser user, Model model) {
		ReminderSettingsForm form = new ReminderSettingsForm();
		form.setNotifyEndCustomers(settings.notifiesEndCustomers(user.resellerId()));
		model.addAttribute("reminderSettingsForm", form);
		return "services/reminders";
	}

	@PostMapping("/account/services/reminders")
	String save(@AuthenticationPrincipal ShopUser user, @ModelAttribute ReminderSettingsForm form,
			RedirectAttributes redirect) {
		settings.notifyEndCustomers(user.resellerId(), form.isNotifyEndCustomers(), user.email());
		redirect.addFlashAttribute("success", form.isNotifyEndCustomers() ? "services.reminders.settings.savedOn"
				: "services.reminders.settings.savedOff");
		return "redirect:/account/services/reminders";
	}

}
