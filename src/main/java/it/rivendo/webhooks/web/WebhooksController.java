package it.rivendo.webhooks.web;

import it.rivendo.identity.ShopUser;
import it.rivendo.shared.NotFoundException;
import it.rivendo.shared.Refusal;
import it.rivendo.shared.web.OnRefusal;
import it.rivendo.webhooks.CreatedEndpoint;
import it.rivendo.webhooks.DeliveryView;
import it.rivendo.webhooks.WebhookEndpoints;
import it.rivendo.webhooks.WebhookEventType;
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

/**
 * "Webhook" (under the API page): the reseller's endpoints, a new one (its secret shown
 * once, right after), one endpoint with its delivery log, "Invia di nuovo" and "Invia
 * evento di prova". Another reseller's endpoint is not found.
 */
@Controller
class WebhooksController {

	private static final String LIST = "/account/api/webhooks";

	private final WebhookEndpoints webhooks;

	WebhooksController(WebhookEndpoints webhooks) {
		this.webhooks = webhooks;
	}

	@ModelAttribute("eventTypes")
	WebhookEventType[] eventTypes() {
		return WebhookEventType.values();
	}

	@GetMapping(LIST)
	String list(@AuthenticationPrincipal ShopUser user, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new EndpointForm());
		}
		model.addAttribute("endpoints", webhooks.endpoints(user.resellerId()));
		return "webhooks/endpoints";
	}

	@PostMapping(LIST)
	String register(@AuthenticationPrincipal ShopUser user, @Valid @ModelAttribute("form") EndpointForm form,
			BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (!errors.hasFieldErrors("url")) {
			try {
				webhooks.checkUrl(form.getUrl());
			}
			catch (Refusal refused) {
				errors.rejectValue("url", refused.messageKey(), refused.arguments(), refused.messageKey());
			}
		}
		if (!errors.hasErrors()) {
			try {
				CreatedEndpoint created = webhooks.register(user.resellerId(), form.getUrl(), form.getEvents());
				redirect.addFlashAttribute("success", "webhooks.registered");
				redirect.addFlashAttribute("secret", created.secret());
				return "redirect:" + LIST + "/" + created.id();
			}
			catch (Refusal refused) {
				errors.rejectValue("url", refused.messageKey(), refused.arguments(), refused.messageKey());
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		return list(user, model);
	}

	@GetMapping(LIST + "/{id}")
	String endpoint(@AuthenticationPrincipal ShopUser user, @PathVariable long id, Model model) {
		model.addAttribute("endpoint", webhooks.endpoint(user.resellerId(), id));
		model.addAttribute("deliveries", webhooks.deliveries(user.resellerId(), id));
		return "webhooks/endpoint";
	}

	@PostMapping(LIST + "/{id}/enabled")
	String enabled(@AuthenticationPrincipal ShopUser user, @PathVariable long id, @RequestParam boolean on,
			RedirectAttributes redirect) {
		webhooks.setEnabled(user.resellerId(), id, on);
		redirect.addFlashAttribute("success", on ? "webhooks.turnedOn" : "webhooks.turnedOff");
		return "redirect:" + LIST + "/" + id;
	}

	@PostMapping(LIST + "/{id}/delete")
	String delete(@AuthenticationPrincipal ShopUser user, @PathVariable long id, RedirectAttributes redirect) {
		webhooks.delete(user.resellerId(), id);
		redirect.addFlashAttribute("success", "webhooks.deleted");
		return "redirect:" + LIST;
	}

	@PostMapping(LIST + "/{id}/test")
	@OnRefusal(LIST + "/{id}")
	String sendTest(@AuthenticationPrincipal ShopUser user, @PathVariable long id, RedirectAttributes redirect) {
		DeliveryView sent = webhooks.sendTest(user.resellerId(), id);
		redirect.addFlashAttribute("sent", sent);
		return "redirect:" + LIST + "/" + id;
	}

	@PostMapping(LIST + "/{id}/deliveries/{deliveryId}/send-again")
	@OnRefusal(LIST + "/{id}")
	String sendAgain(@AuthenticationPrincipal ShopUser user, @PathVariable long id, @PathVariable long deliveryId,
			RedirectAttributes redirect) {
		if (webhooks.endpointOf(user.resellerId(), deliveryId) != id) {
			throw new NotFoundException("delivery " + deliveryId + " of endpoint " + id);
		}
		DeliveryView sent = webhooks.sendAgain(user.resellerId(), deliveryId);
		redirect.addFlashAttribute("sent", sent);
		return "redirect:" + LIST + "/" + id;
	}

}
