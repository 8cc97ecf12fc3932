package it.rivendo.web;

import it.rivendo.catalog.MenuFamily;
import it.rivendo.handoff.Handoff;
import it.rivendo.identity.ShopUser;
import it.rivendo.shared.Money;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.util.function.SingletonSupplier;

/**
 * What the page frame shows around every page: the signed-in user, the main menu, the
 * credit and the cart count. The last three are loaded only if the page renders one of
 * them, together and at most once per request.
 */
public final class Shell {

	private final ShopUser user;

	private final Supplier<Frame> frame;

	private final String path;

	private final Function<List<MenuFamily>, String> menuHtml;

	/**
	 * @param frame reads a reseller's menu, credit and cart count, called at most once
	 * @param menuHtml the HTML of the main menu's items for a menu
	 */
	Shell(ShopUser user, Supplier<Frame> frame, String path, Function<List<MenuFamily>, String> menuHtml) {
		this.user = user;
		this.frame = SingletonSupplier.of(frame);
		this.path = path;
		this.menuHtml = menuHtml;
	}

	/**
	 * What the frame shows a reseller; read together, when the page first renders one of
	 * them.
	 */
	record Frame(List<MenuFamily> menu, Money balance, int cartCount) {
	}

	/** Reads the frame now, if it is a reseller's and not read yet. */
	void preload() {
		if (isReseller()) {
			frame.get();
		}
	}

	public ShopUser getUser() {
		return user;
	}

	public boolean isReseller() {
		return user != null && user.isReseller();
	}

	/** A reseller's Titolare: top-ups, users, billing data (issue 17). */
	public boolean isOwner() {
		return user != null && user.isOwner();
	}

	/** A reseller's user who may buy: the Titolare or an Operatore, not the Contabile. */
	public boolean isBuyer() {
		return user != null && user.canBuy();
	}

	public boolean isStaff() {
		return user != null && user.isStaff();
	}

	public List<MenuFamily> getMenu() {
		return isReseller() ? frame.get().menu() : List.of();
	}

	/** The main menu's items, rendered once per menu and language and kept. */
	public String getMenuHtml() {
		return isReseller() ? menuHtml.apply(getMenu()) : "";
	}

	public Money getBalance() {
		return isReseller() ? frame.get().balance() : Money.ZERO;
	}

	public int getCartCount() {
		return isReseller() ? frame.get().cartCount() : 0;
	}

	/** The page to offer on another device, when this page can be continued there. */
	public String getHandoffPath() {
		return isReseller() && Handoff.continuable(path) ? path : null;
	}

	/**
	 * Whether the current page is {@code section} or one of its pages, for the staff
	 * menu's {@code aria-current}; the dashboard ({@code /admin}) only for itself.
	 */
	public boolean isIn(String section) {
		String page = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
		return page.equals(section) || (!"/admin".equals(section) && page.startsWith(section + "/"));
	}

	/** The current page with {@code lang} set, for the language switch. */
	public String languageLink(String language) {
		return path + (path.contains("?") ? "&" : "?") + "lang=" + language;
	}

}
