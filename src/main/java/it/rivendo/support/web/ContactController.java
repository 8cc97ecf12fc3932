package it.rivendo.support.web;

import it.rivendo.identity.ShopUser;
import it.rivendo.support.NewSupportRequest;
import it.rivendo.support.SupportDesk;
import it.rivendo.support.SupportTopic;
import it.rivendo.shared.Refusal;
import it.rivendo.shared.Throttle;
import it.rivendo.shared.web.TooManyRequests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Contattaci", open to everyone. A signed-in reseller writes under the account's name
 * and e-mail and may name one of its orders; anyone else types name and e-mail, and an
 * order number is only kept as written.
 */
@Controller
class ContactController {

	/**
	 * Requests from one address (or one reseller) in an hour: enough for a person, too
	 * few for a spammer.
	 */
	static final Throttle.Limit REQUESTS_PER_SENDER = new Throttle.Limit("contact-sender", 5, Duration.ofHours(1));

	private final SupportDesk desk;

	private final Throttle throttle;

	private final Clock clock;

	ContactController(SupportDesk desk, Throttle throttle, Clock clock) {
		this.desk = desk;
		this.throttle = throttle;
		this.clock = clock;
	}

	/**
	 * The form, prefilled with the account's name and e-mail for a signed-in reseller.
	 */
	@ModelAttribute("contactForm")
	ContactForm contactForm(@AuthenticationPrincipal ShopUser user) {
		ContactForm form = new ContactForm();
		if (isReseller(user)) {
			form.setName(user.displayName());
			form.setEmail(user.email());
		}
		return form;
	}

	/** A reseller writes as its account: name and e-mail in the request are ignored. */
	@InitBinder("contactForm")
	void accountFieldsAreFixed(WebDataBinder binder, @AuthenticationPrincipal ShopUser user) {
		if (isReseller(user)) {
			binder.setDisallowedFields("name", "email");
		}
	}

	@GetMapping("/contact")
	String form(@AuthenticationPrincipal ShopUser user, Model model) {
		return page(user, model);
	}

	@PostMapping("/contact")
	String send(@AuthenticationPrincipal ShopUser user, @Valid @ModelAttribute("contactForm") ContactForm form,
			BindingResult binding, Model model, HttpServletRequest request, HttpServletResponse response, Locale locale,
			RedirectAttributes redirect) {
		Long resellerId = isReseller(user) ? user.resellerId() : null;
		if (!binding.hasFieldErrors("orderNumber") && resellerId != null && form.getOrderNumber() != null
				&& !form.getOrderNumber().isBlank() && !desk.ownsOrder(resellerId, form.getOrderNumber())) {
			binding.rejectValue("orderNumber", "support.error.orderNotYours");
		}
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(user, model);
		}
		Optional<Instant> tooMany = throttle.take(REQUESTS_PER_SENDER,
				resellerId != null ? "reseller " + resellerId : request.getRemoteAddr());
		if (tooMany.isPresent()) {
			TooManyRequests.answer(response, model, clock, tooMany.get());
			return page(user, model);
		}
		long id;
		try {
			id = desk.open(new NewSupportRequest(resellerId, form.getName(), form.getEmail(), form.getTopic(),
					form.getOrderNumber(), form.getMessage(), locale));
		}
		catch (Refusal ex) {
			binding.rejectValue("orderNumber", ex.messageKey());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(user, model);
		}
		redirect.addFlashAttribute("success", "support.sent");
		redirect.addFlashAttribute("sentNumber", id);
		return "redirect:/contact";
	}

	private String page(ShopUser user, Model model) {
		model.addAttribute("topics", SupportTopic.values());
		model.addAttribute("signedIn", isReseller(user));
		return "support/contact";
	}

	private static boolean isReseller(ShopUser user) {
		return user != null && user.isReseller();
	}

}
