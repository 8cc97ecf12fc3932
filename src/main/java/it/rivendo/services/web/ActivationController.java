package it.rivendo.services.web;

import it.rivendo.handoff.QrCodes;
import it.rivendo.services.Activation;
import it.rivendo.services.ActivationLinkException;
import it.rivendo.services.ActivationPage;
import it.rivendo.shared.ShopProperties;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The end customer's activation, without login: the link's GET only shows, the POST uses
 * it up and sends the customer to the identification provider, or (without one) to the
 * page saying that staff are checking it. "Apri su altro dispositivo" is a QR code of the
 * same personal link (the customer already holds it: no sign-in is handed over).
 */
@Controller
class ActivationController {

	private final Activation activation;

	private final QrCodes qrCodes;

	private final String publicUrl;

	ActivationController(Activation activation, QrCodes qrCodes, ShopProperties shop) {
		this.activation = activation;
		this.qrCodes = qrCodes;
		this.publicUrl = shop.baseUrl();
	}

	@GetMapping("/activate/{token}")
	String open(@PathVariable String token, Model model) {
		model.addAttribute("activationForm", new ActivationForm());
		return page(token, activation.open(token), model);
	}

	@PostMapping("/activate/{token}")
	String start(@PathVariable String token, @Valid @ModelAttribute("activationForm") ActivationForm form,
			BindingResult binding, Model model, HttpServletResponse response) {
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
		model.addAttribute("activation", page);
		model.addAttribute("token", token);
		model.addAttribute("otherDeviceQr", qrCodes.dataUri(publicUrl + "/activate/" + token));
		return "services/activate";
	}

}
