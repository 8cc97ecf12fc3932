package it.rivendo.web;

import it.rivendo.cart.CartService;
import it.rivendo.catalog.Catalog;
import it.rivendo.catalog.MenuFamily;
import it.rivendo.credit.CreditLedger;
import it.rivendo.identity.ShopUser;
import it.rivendo.shared.Formats;
import it.rivendo.shared.web.RenderedFragments;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriUtils;

/** Puts the page frame's data and the formatter into every page's model. */
@ControllerAdvice
class ShellAdvice {

	private final Catalog catalog;

	private final CreditLedger credit;

	private final CartService carts;

	private final Formats formats;

	private final TransactionTemplate readOnly;

	private final RenderedFragments fragments;

	ShellAdvice(Catalog catalog, CreditLedger credit, CartService carts, Formats formats,
			PlatformTransactionManager transactions, RenderedFragments fragments) {
		this.fragments = fragments;
		this.catalog = catalog;
		this.credit = credit;
		this.carts = carts;
		this.formats = formats;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	@ModelAttribute("shell")
	Shell shell(@AuthenticationPrincipal ShopUser user, HttpServletRequest request) {
		Shell shell = shellFor(user, request);
		if (shell.isReseller() && "GET".equals(request.getMethod())) {
			// a reseller's page: its frame is read in the page's own transaction, if it
			// has
			// one (FrameInPageTransaction)
			request.setAttribute(FrameInPageTransaction.PENDING, shell);
		}
		return shell;
	}

	/**
	 * The page frame's data, also for pages that exception handlers render (they get no
	 * model attributes).
	 */
	Shell shellFor(ShopUser user, HttpServletRequest request) {
		Long resellerId = user != null && user.isReseller() ? user.resellerId() : null;
		// a reseller's page shows all three: they are read together, in one read-only
		// transaction
		return new Shell(user, () -> readOnly.execute(status -> new Shell.Frame(catalog.menu(),
				credit.balanceOf(resellerId), resellerId == null ? 0 : carts.itemCount(user))),
				pathWithoutLang(request), this::menuHtml);
	}

	/**
	 * The main menu's items: the same for every reseller, rendered once per menu (its
	 * families and products, as the catalog's version gives them) and language.
	 */
	private String menuHtml(List<MenuFamily> menu) {
		return fragments.render("fragments/menu", "items", new Menu(menu), Map.of("menu", menu));
	}

	/** What the main menu shows. */
	private record Menu(List<MenuFamily> families) {
	}

	@ModelAttribute("fmt")
	Formats formats() {
		return formats;
	}

	private static String pathWithoutLang(HttpServletRequest request) {
		String path = request.getRequestURI();
		String query = request.getParameterMap()
			.entrySet()
			.stream()
			.filter(entry -> !entry.getKey().equals("lang") && !entry.getKey().equals("_csrf")
					&& "GET".equals(request.getMethod()))
			.flatMap(entry -> Arrays.stream(entry.getValue())
				.map(value -> UriUtils.encodeQueryParam(entry.getKey(), "UTF-8") + "="
						+ UriUtils.encodeQueryParam(value, "UTF-8")))
			.collect(Collectors.joining("&"));
		// a query string too long to be a filter someone typed is not carried into the
		// language links
		return query.isEmpty() || query.length() > 500 ? path : path + "?" + query;
	}

}
