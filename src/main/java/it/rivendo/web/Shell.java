package it.rivendo.web;

import it.rivendo.catalog.MenuFamily;
import it.rivendo.handoff.Handoff;
import it.rivendo.identity.ShopUser;
import it.rivendo.shared.Money;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.util.function.SingletonSupplier;

/**
 * What the page frame shows around every page: the signed-in user, the main menu, the credit and the cart count.
 * Each is loaded only if the page renders it, and at most once per request.
 */
public final class Shell {

	private final ShopUser user;
	private final Supplier<List<MenuFamily>> menu;
	private final Supplier<Money> balance;
	private final Supplier<Integer> cartCount;
	private final String path;

	Shell(ShopUser user, Supplier<List<MenuFamily>> menu, Supplier<Money> balance, Supplier<Integer> cartCount,
			String path) {
		this.user = user;
		this.menu = SingletonSupplier.of(menu);
		this.balance = SingletonSupplier.of(balance);
		this.cartCount = SingletonSupplier.of(cartCount);
		this.path = path;
	}

	public ShopUser getUser() {
		return user;
	}

	public boolean isReseller() {
		return user != null && user.isReseller();
	}

	public boolean isStaff() {
		return user != null && user.isStaff();
	}

	public List<MenuFamily> getMenu() {
		return isReseller() ? menu.get() : List.of();
	}

	public Money getBalance() {
		return isReseller() ? balance.get() : Money.ZERO;
	}

	public int getCartCount() {
		return isReseller() ? cartCount.get() : 0;
	}

	/** The page to offer on another device, when this page can be continued there. */
	public String getHandoffPath() {
		return isReseller() && Handoff.continuable(path) ? path : null;
	}

	/** The current page with {@code lang} set, for the language switch. */
	public String languageLink(String language) {
		return path + (path.contains("?") ? "&" : "?") + "lang=" + language;
	}
}
