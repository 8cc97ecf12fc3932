package it.rivendo.ordering.web;

import it.rivendo.identity.ShopUser;
import it.rivendo.identity.Team;
import it.rivendo.ordering.BillingCorrection;
import it.rivendo.ordering.BillingDetails;
import it.rivendo.ordering.OrderDetails;
import it.rivendo.ordering.OrderDocuments;
import it.rivendo.ordering.OrderHistory;
import it.rivendo.shared.web.OnRefusal;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
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
import org.springframework.web.util.UriUtils;

/**
 * The reseller corrects the billing data of an order whose invoice the SdI rejected: what
 * was wrong in words, the form as at checkout (same rules), and the invoice is sent again
 * with its number and date, while the five days allow it.
 */
@Controller
class BillingCorrectionController {

	private final OrderHistory history;

	private final BillingCorrection correction;

	private final List<OrderDocuments> documents;

	private final Team team;

	BillingCorrectionController(OrderHistory history, BillingCorrection correction, List<OrderDocuments> documents,
			Team team) {
		this.history = history;
		this.correction = correction;
		this.documents = documents;
		this.team = team;
	}

	@GetMapping("/orders/{number}/billing")
	String show(@AuthenticationPrincipal ShopUser user, @PathVariable String number, Model model,
			RedirectAttributes redirect) {
		OrderDetails order = history.details(user.resellerId(), team.servicesOnlyOf(user), number);
		Optional<OrderDocuments.Rejection> rejection = rejection(user, number);
		if (rejection.isEmpty()) {
			redirect.addFlashAttribute("error", "order.billing.nothingToCorrect");
			return redirectTo(number);
		}
		model.addAttribute("billingCorrectionForm", CheckoutForm.filled(new BillingCorrectionForm(), order.billing()));
		return page(order, rejection.get(), model);
	}

	@PostMapping("/orders/{number}/billing")
	@OnRefusal("/orders/{number}")
	String correct(@AuthenticationPrincipal ShopUser user, @PathVariable String number,
			@Valid @ModelAttribute("billingCorrectionForm") BillingCorrectionForm form, BindingResult binding,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		OrderDetails order = history.details(user.resellerId(), team.servicesOnlyOf(user), number);
		if (binding.hasErrors()) {
			Optional<OrderDocuments.Rejection> rejection = rejection(user, number);
			if (rejection.isEmpty()) {
				redirect.addFlashAttribute("error", "order.billing.nothingToCorrect");
				return redirectTo(number);
			}
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(order, rejection.get(), model);
		}
		correction.correct(user.resellerId(), number, BillingDetails.from(form), user.email());
		redirect.addFlashAttribute("success", "order.billing.corrected");
		return redirectTo(number);
	}

	private Optional<OrderDocuments.Rejection> rejection(ShopUser user, String number) {
		return documents.stream().flatMap(source -> source.rejection(user.resellerId(), number).stream()).findFirst();
	}

	private String page(OrderDetails order, OrderDocuments.Rejection rejection, Model model) {
		model.addAttribute("order", order);
		model.addAttribute("rejection", rejection);
		return "ordering/billing";
	}

	private static String redirectTo(String number) {
		return "redirect:/orders/" + UriUtils.encodePathSegment(number, "UTF-8");
	}

}
