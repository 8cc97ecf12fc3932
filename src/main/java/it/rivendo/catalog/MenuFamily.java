package it.rivendo.catalog;

import it.rivendo.shared.LocalizedText;
import java.util.List;

/**
 * A product family in the main menu, with its first products; {@code more} when the
 * family has more than the menu shows (the menu then links to the family in the catalog).
 */
public record MenuFamily(String code, LocalizedText name, List<MenuItem> products, boolean more) {

	public record MenuItem(String code, LocalizedText name) {
	}
}
