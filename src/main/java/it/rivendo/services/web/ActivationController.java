package it.rivendo.services.web;

import it.rivendo.handoff.QrCodes;
import it.rivendo.services.Activation;
import it.rivendo.services.ActivationLinkException;
import it.rivendo.services.ActivationPage;
import it.rivendo.shared.ShopProperties;
import it.rivendo.shared.web.ShortLivedCookie;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.WebUtils;

/**
 * The end customer's activation, without login: the link's GET only shows, the POST uses
 * it up and sends the customer to the identification provider, or (without one) to the
 * page saying that staff are checking it. "Apri su altro dispositivo" is a QR code of the
 * same personal link (the customer already holds it: no sign-in is handed over).
 * <p>
 * The personal link {@code /activate/<token>} is kept out of search engines
 * ({@code robots.txt}) and out of the address bar: opening it puts the token into a
 * short-lived HttpOnly cookie (path {@code /activate}) and redirects to
 * {@code /activate}, the page the customer sees, reloads and bookmarks. Without the
 * cookie (a crawler, an expired cookie) {@code /activate} says to open the link in the
 * e-mail. The form carries the token it was drawn for, so a second link opened in another
 * tab does not change which service the first tab activates.
 */
@Controller
class ActivationController {

	static final String COOKIE = "rivendo-activation";

	/** Long enough to fill the form and reload; the e-mail's link opens it again. */
	static final Duration COOKIE_LIFETIME = Duration.ofHours(2);

	private static final String TOKEN_SHAPE = "[A-Za-z0-9_-]{20,100}";

	private final Activation activation;

	private final QrCodes qrCodes;

	private final String publicUrl;

	ActivationController(Activation activation, QrCodes qrCodes, ShopProperties shop) {
		this.activation = activation;
		this.qrCodes = qrCodes;
		this.publicUrl = shop.baseUrl();
	}

	/**
	 * The personal link: a link that cannot be used gets its page here (404, 410); a good
	 * one is remembered in the cookie and the browser goes on to {@code /activate}.
	 */
	@GetMapping("/activate/{token}")
	String follow(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
		activation.open(token);
		remember(request, response, token);
		return "redirect:/activate";
	}

	@GetMapping("/activate")
	String open(HttpServletRequest request, Model model) {
		String token = remembered(request);
		model.addAttribute("pageDescription", "activation.meta.description");
		if (token == null) {
			return "services/activate-start";
		}
		model.addAttribute("activationForm", new ActivationForm());
		return page(token, activation.open(token), model);
	}

	@PostMapping("/activate")
	String start(@RequestParam(name = "token", defaultValue = "") String token,
			@Valid @ModelAttribute("activationForm") ActivationForm form, BindingResult binding, Model model,
			HttpServletResponse response) {
		if (!token.matches(TOKEN_SHAPE)) {
			throw new ActivationLinkException(ActivationLinkException.Problem.UNKNOWN);
		}
		ActivationPage page = activation.open(token);
		if (page.asksPecAddress() && !binding.hasFieldErrors("pecAddress")
				&& (form.getPecAddress() == null || form.getPecAddress().isBlank())) {
			binding.rejectValue("pecAddress", "activation.pecAddress.required");
		}
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(token, page, model);
		}
		return "redirect:" + activation.start(token, form.toEndCustomer());
	}

	/** The same, posted to the link itself (as pages drawn before the redirect did). */
	@PostMapping("/activate/{token}")
	String startFromLink(@PathVariable String token, @Valid @ModelAttribute("activationForm") ActivationForm form,
			BindingResult binding, Model model, HttpServletResponse response) {
		return start(token, form, binding, model, response);
	}

	/**
	 * Where the end customer's identification stands ("In verifica" while staff check it;
	 * then "Attivo").
	 */
	@GetMapping("/identification/{reference}")
	String identification(@PathVariable String reference, Model model) {
		model.addAttribute("identification", activation.identification(reference)
			.orElseThrow(() -> new ActivationLinkException(ActivationLinkException.Problem.UNKNOWN)));
		return "services/identification";
	}

	private String page(String token, ActivationPage page, Model model) {
		model.addAttribute("pageDescription", "activation.meta.description");
		model.addAttribute("activation", page);
		model.addAttribute("token", token);
		model.addAttribute("otherDeviceQr", qrCodes.dataUri(publicUrl + "/activate/" + token));
		return "services/activate";
	}

	private static String remembered(HttpServletRequest request) {
		Cookie cookie = WebUtils.getCookie(request, COOKIE);
		return cookie != null && cookie.getValue().matches(TOKEN_SHAPE) ? cookie.getValue() : null;
	}

	private static void remember(HttpServletRequest request, HttpServletResponse response, String token) {
		ShortLivedCookie.set(request, response, COOKIE, token, "/activate", COOKIE_LIFETIME);
	}

}
