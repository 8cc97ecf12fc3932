package it.rivendo.ordering.web;

import it.rivendo.cart.CartService;
import it.rivendo.cart.CartView;
import it.rivendo.credit.CreditLedger;
import it.rivendo.credit.InsufficientCreditException;
import it.rivendo.identity.ResellerAccounts;
import it.rivendo.identity.ShopUser;
import it.rivendo.ordering.CheckoutRefusedException;
import it.rivendo.ordering.CheckoutService;
import it.rivendo.ordering.OrderHistory;
import it.rivendo.ordering.PaymentRequest;
import it.rivendo.ordering.PaymentResult;
import it.rivendo.ordering.MonthlyAllowance;
import it.rivendo.ordering.OrderApprovals;
import it.rivendo.ordering.SavedCustomer;
import it.rivendo.ordering.SpendingLimitExceededException;
import it.rivendo.ordering.SpendingLimits;
import it.rivendo.shared.Money;
import it.rivendo.shared.Refusal;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Checkout: confirm who the invoice goes to, see whether the credit covers the total,
 * pay.
 */
@Controller
class CheckoutController {

	private final CartService carts;

	private final CreditLedger credit;

	private final CheckoutService checkout;

	private final OrderHistory history;

	private final ResellerAccounts accounts;

	private final SpendingLimits limits;

	private final OrderApprovals approvals;

	CheckoutController(CartService carts, CreditLedger credit, CheckoutService checkout, OrderHistory history,
			ResellerAccounts accounts, SpendingLimits limits, OrderApprovals approvals) {
		this.carts = carts;
		this.credit = credit;
		this.checkout = checkout;
		this.history = history;
		this.accounts = accounts;
		this.limits = limits;
		this.approvals = approvals;
	}

	// one read-only transaction (one snapshot) for everything the page reads
	@Transactional(readOnly = true)
	@GetMapping("/checkout")
	String show(@AuthenticationPrincipal ShopUser user,
			@RequestParam(name = "customer", required = false) Long customerId, Model model,
			RedirectAttributes redirect) {
		long resellerId = user.resellerId();
		CartView cart = carts.view(user);
		if (!cart.canCheckout()) {
			redirect.addFlashAttribute("error", cart.isEmpty() ? "checkout.cart.empty" : "checkout.cart.unavailable");
			return "redirect:/cart";
		}
		CheckoutForm form = customerId == null ? null
				: history.savedCustomer(resellerId, customerId)
					.map(SavedCustomer::details)
					.map(CheckoutForm::prefilledWith)
					.orElse(null);
		if (form == null) {
			form = CheckoutForm.prefilledWith(accounts.profile(resellerId).orElseThrow().billing());
		}
		form.setToken(CheckoutForm.newToken());
		form.setExpectedTotal(cart.totals().total().toString());
		model.addAttribute("checkoutForm", form);
		model.addAttribute("selectedCustomer", customerId);
		return page(user, cart, model);
	}

	@PostMapping("/checkout")
	String pay(@AuthenticationPrincipal ShopUser user, @Valid @ModelAttribute("checkoutForm") CheckoutForm form,
			BindingResult binding, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		long resellerId = user.resellerId();
		if (form.getToken() == null || form.getToken().isBlank()) {
			form.setToken(CheckoutForm.newToken());
		}
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("error", "checkout.form.invalid");
			return page(user, carts.view(user), model);
		}
		// the total the reseller saw, from a hidden field: not an amount means not the
		// total shown
		Optional<Money> expected = Money.parse(form.getExpectedTotal());
		if (expected.isEmpty()) {
			return refused(user, CheckoutRefusedException.Reason.TOTAL_CHANGED, form, model, response);
		}
		try {
			PaymentRequest payment = new PaymentRequest(resellerId, form.getToken(), form.toBillingDetails(),
					expected.get(), form.isSaveCustomer(), user.email(), user.userId());
			if (approvals.required(user, expected.get())) {
				approvals.request(user, payment);
				redirect.addFlashAttribute("success", "approval.requested");
				return "redirect:/account/approvals";
			}
			PaymentResult result = checkout.pay(payment);
			return "redirect:/orders/" + result.orderNumber() + "/completed";
		}
		catch (SpendingLimitExceededException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("error", ex.messageKey());
			model.addAttribute("errorArguments", ex.arguments());
			return page(user, carts.view(user), model);
		}
		catch (InsufficientCreditException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("error", "checkout.credit.insufficient");
			return page(user, carts.view(user), model);
		}
		catch (CheckoutRefusedException ex) {
			return refused(user, ex.reason(), form, model, response);
		}
		catch (Refusal ex) {
			// a line the payment cannot honour (a renewal no longer possible): nothing
			// paid
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("error", ex.messageKey());
			model.addAttribute("errorArguments", ex.arguments());
			return page(user, carts.view(user), model);
		}
	}

	/**
	 * The cart or its total changed: the page again, with the current total to confirm.
	 */
	private String refused(ShopUser user, CheckoutRefusedException.Reason reason, CheckoutForm form, Model model,
			HttpServletResponse response) {
		CartView cart = carts.view(user);
		if (reason == CheckoutRefusedException.Reason.CART_EMPTY) {
			return "redirect:/cart?paid-elsewhere";
		}
		response.setStatus(HttpStatus.CONFLICT.value());
		form.setExpectedTotal(cart.totals().total().toString());
		model.addAttribute("error", reason.messageKey());
		return page(user, cart, model);
	}

	/**
	 * The page: the credit against the total and, for an Operatore with a monthly limit,
	 * what is left of it this month (paying is offered only when both cover the total).
	 */
	private String page(ShopUser user, CartView cart, Model model) {
		long resellerId = user.resellerId();
		Money balance = credit.balanceOf(resellerId);
		Money total = cart.totals().total();
		MonthlyAllowance allowance = limits.allowance(resellerId, user.userId()).orElse(null);
		model.addAttribute("cart", cart);
		model.addAttribute("balance", balance);
		model.addAttribute("allowance", allowance);
		model.addAttribute("needsApproval", approvals.required(user, total));
		model.addAttribute("approvalThreshold", approvals.threshold(user));
		model.addAttribute("covered", !balance.isLessThan(total) && (allowance == null || allowance.covers(total)));
		model.addAttribute("addressBook", history.addressBook(resellerId));
		return "ordering/checkout";
	}

}
